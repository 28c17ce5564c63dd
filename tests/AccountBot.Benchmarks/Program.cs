using AccountBot.Benchmarks.Teams;
using BenchmarkDotNet.Running;

if (args is ["teams-load", .. var rest])
    return await TeamsLoad.RunAsync(rest);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
