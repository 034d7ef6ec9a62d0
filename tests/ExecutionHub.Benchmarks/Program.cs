using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using ExecutionHub.Benchmarks;

// dotnet run -c Release --project tests/ExecutionHub.Benchmarks -- generate --matters 1000000
// dotnet run -c Release --project tests/ExecutionHub.Benchmarks -- list --matters 300000 [--iterations 30]   (the matter list, then the case list)
// dotnet run -c Release --project tests/ExecutionHub.Benchmarks -- cases --matters 1000000 [--iterations 30]  (the case list alone)
// dotnet run -c Release --project tests/ExecutionHub.Benchmarks -- dashboard --matters 1000000 [--iterations 15]
// dotnet run -c Release --project tests/ExecutionHub.Benchmarks -- warnings --matters 1000000 [--iterations 10]
// dotnet run -c Release --project tests/ExecutionHub.Benchmarks -- sweep
// dotnet run -c Release --project tests/ExecutionHub.Benchmarks -- startup [--runs 5] [--dotnet-run 1] [--published <folder>]
// dotnet run -c Release --project tests/ExecutionHub.Benchmarks -- import [--rows 5000]   (a ledger through the API while the API is read)
// dotnet run -c Release --project tests/ExecutionHub.Benchmarks -- signin [--rounds 40]   (each kind of refused sign-in against a wrong password)
// dotnet run -c Release --project tests/ExecutionHub.Benchmarks -- firstrows [--runs 10]   (list pages and dashboard: new tab and in-tab navigation until rows show)
// dotnet run -c Release --project tests/ExecutionHub.Benchmarks -- load [--users 50] [--rounds 5]   (N signed-in users each open home, list and a matter or task)
// dotnet run -c Release --project tests/ExecutionHub.Benchmarks -- circuits [--tabs 1,10,20,50]   (server memory per open tab: list and dashboard)
// dotnet run -c Release --project tests/ExecutionHub.Benchmarks -- fanout [--tabs 1,10,50,100] [--changes 3]   (one change, K open dashboards)
var command = args.FirstOrDefault() ?? "sweep";
var matters = Option("--matters", 300_000);
switch (command)
{
    case "generate":
        await BenchDatabase.EnsureAsync(matters);
        break;
    case "list":
        await ListMattersScript.RunAsync(matters, Option("--iterations", 30));
        break;
    case "cases":
        await CaseListScript.RunAsync(matters, Option("--iterations", 30));
        break;
    case "dashboard":
        return await DashboardScript.RunAsync(matters, Option("--iterations", 15));
    case "warnings":
        await WarningsScript.RunAsync(matters, Option("--iterations", 10));
        break;
    case "startup":
        return await StartupScript.RunAsync(Text("--published"), Option("--runs", 5), Option("--dotnet-run", 1));
    case "import":
        return await ImportScript.RunAsync(Option("--rows", 5000));
    case "signin":
        return await SignInScript.RunAsync(Option("--rounds", 40));
    case "firstrows":
        return await FirstRowsScript.RunAsync(Option("--runs", 10));
    case "load":
        return await LoadScript.RunAsync(Option("--users", 50), Option("--rounds", 5));
    case "circuits":
        return await CircuitsScript.RunAsync((Text("--tabs") ?? "1,10,20,50").Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList());
    case "fanout":
        return await FanoutScript.RunAsync((Text("--tabs") ?? "1,10,50,100").Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList(), Option("--changes", 3));
    case "sweep":
        BenchmarkRunner.Run<SweepBenchmark>(DefaultConfig.Instance
            .AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(10).WithInvocationCount(1).WithUnrollFactor(1))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator));
        break;
    default:
        Console.Error.WriteLine("usage: generate|list|cases|dashboard|warnings|sweep|import|signin|firstrows|load|circuits|fanout|startup [--matters N] [--rows N] [--iterations K]");
        return 2;
}

return 0;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

string? Text(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
