using AccountBot.Benchmarks.CrashSafety;
using AccountBot.Benchmarks.Teams;
using BenchmarkDotNet.Running;

// Loopback load generators (mixed-load-scaleout: two instances on PostgreSQL beside one on LiteDB), the crash-safety loop, then the BenchmarkDotNet suites (see README.md in this folder).
if (args is ["slack-load", ..])
{
    return await AccountBot.Benchmarks.Slack.SlackLoadGenerator.RunAsync(args[1..]);
}

if (args is ["teams-load", .. var rest])
{
    return await TeamsLoad.RunAsync(rest);
}

if (args is ["mixed-load", .. var mixed])
{
    return await AccountBot.Benchmarks.Sustained.MixedLoad.RunAsync(mixed);
}

if (args is ["mixed-load-scaleout", .. var scaleOut])
{
    return await AccountBot.Benchmarks.Sustained.MixedLoadScaleOut.RunAsync(scaleOut);
}

if (args is ["crash-safety", .. var crash])
{
    return await CrashSafetyCommand.RunAsync(crash);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
