using AccountBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddAccountBot();

var app = builder.Build();
app.MapAccountBot();
app.Run();

/// <summary>The entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
