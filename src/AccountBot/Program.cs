using AccountBot.Hosting;
using AccountBot.Operations;
using AccountBot.Reminders;

if (MigrateCli.IsCommand(args))
{
    return await MigrateCli.RunAsync(args);
}

if (StorageCopyCli.IsCommand(args))
{
    return await StorageCopyCli.RunAsync(args);
}

// Operator commands (reminders preview / run-now) run and exit without starting the web server.
if (ReminderCli.IsCommand(args))
{
    return await ReminderCli.RunAsync(args);
}

// backup / restore / doctor likewise.
if (OperatorCli.IsCommand(args))
{
    return await OperatorCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddAccountBot();

var app = builder.Build();
app.MapAccountBot();
app.Run();
return 0;

/// <summary>The entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
