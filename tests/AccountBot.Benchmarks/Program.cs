using BenchmarkDotNet.Running;

if (args is ["slack-load", ..])
{
    return await AccountBot.Benchmarks.Slack.SlackLoadGenerator.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
