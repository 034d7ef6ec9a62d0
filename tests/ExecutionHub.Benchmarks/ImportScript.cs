using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Administration.ApiClients;
using ExecutionHub.Web.Features.Demo;
using ExecutionHub.Web.Features.Imports;
using ExecutionHub.Web.Infrastructure;
using ExecutionHub.Web.Startup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExecutionHub.Benchmarks;

/// <summary>
/// Imports an N-row ledger (CSV, valid rows in coord.chen's street and its communities) through
/// POST /api/v1/imports/ledger on the real app in memory, over a fresh demo database: once alone,
/// then a second ledger of as many new rows while another caller reads GET /api/v1/statistics/headline
/// with the demo key ten times a second. Prints each import's wall time and rows/s, the part of it that held the
/// database's write lock (as the handler logs it), the process's CPU time meanwhile (steadier than wall time on a
/// shared machine), and the longest and p95 wait of the reads made meanwhile, each with the load average
/// (issue 16.14: the import held the write lock 12–16 s and a read waited ~5 s).
/// </summary>
internal static class ImportScript
{
    public static async Task<int> RunAsync(int rows)
    {
        var folder = Path.Combine(BenchDatabase.Folder, "import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "app.db");
        try
        {
            var (streetId, judgeId, key, csv) = await PrepareAsync(path, rows);
            return await TimeAsync(path, folder, rows, streetId, judgeId, key, csv);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The demo organisation, an importing client of the demo court, and the ledger.</summary>
    private static async Task<(int StreetId, string JudgeId, string Key, byte[][] Csv)> PrepareAsync(string path, int rows)
    {
        await using var services = BenchDatabase.Services(path, new BenchUser());
        await services.InitialiseDatabaseAsync();
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var coordinator = await db.Users.SingleAsync(u => u.UserName == "coord.chen");
        var judge = await db.Users.SingleAsync(u => u.UserName == "judge.wang");
        var street = await db.Streets.SingleAsync(s => s.Id == coordinator.StreetId);
        var court = await db.Courts.SingleAsync(c => c.Id == street.CourtId);
        var communities = await db.Communities.Where(c => c.StreetId == street.Id).Select(c => c.Name).ToListAsync();
        var (_, key) = ApiClientAccounts.Add(db, "台账导入基准", court.Id, [ApiScopes.ImportsWrite], DateTime.UtcNow);
        await db.SaveChangesAsync();
        var now = DateTime.UtcNow;
        return (street.Id, judge.Id, key.Key, [Ledger(rows, 0, street.Name, court.CaseCode, communities, now), Ledger(rows, 1, street.Name, court.CaseCode, communities, now)]);
    }

    private static async Task<int> TimeAsync(string path, string folder, int rows, int streetId, string judgeId, string key, byte[][] csv)
    {
        // Any type of the web assembly names its entry point; the console's own top-level Program would shadow the app's.
        var writes = new WritePhaseLog();
        await using var factory = new WebApplicationFactory<AppDbContext>().WithWebHostBuilder(builder =>
        {
            builder.ConfigureLogging(logging => logging.AddProvider(writes).AddFilter<WritePhaseLog>(typeof(ImportLedgerHandler).FullName, LogLevel.Information));
            builder.UseContentRoot(AppContext.BaseDirectory);
            builder.UseSetting("ConnectionStrings:ExecutionHub", $"Data Source={path}");
            builder.UseSetting("ConnectionStrings:Hangfire", Path.Combine(folder, "hangfire.db"));
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Storage:EvidencePath", Path.Combine(folder, "evidence"));
            builder.UseSetting("Api:RateLimit:PermitLimit", "1000000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        using var importer = factory.CreateClient();
        importer.Timeout = TimeSpan.FromMinutes(5);
        importer.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var reader = factory.CreateClient();
        reader.DefaultRequestHeaders.Add("X-Api-Key", DemoApiClient.Key);

        const string readUrl = "/api/v1/statistics/headline";
        var idle = new List<double>();
        for (var i = 0; i < 23; i++)
        {
            var watch = Stopwatch.StartNew();
            (await reader.GetAsync(readUrl)).EnsureSuccessStatusCode();
            if (i >= 3)
            {
                idle.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"ledger: {rows:N0} rows, {csv[0].Length / 1024.0:N0} KiB CSV, imported twice (two ledgers of new rows); reads: GET {readUrl} with the demo key");
        Console.WriteLine($"{"reads before the import",-34} median {Percentile(idle, 0.5),8:0.0} ms  p95 {Percentile(idle, 0.95),8:0.0} ms  max {idle.Max(),8:0.0} ms   load {Measure.Load()}");

        var url = $"/api/v1/imports/ledger?street={streetId}&judgeId={Uri.EscapeDataString(judgeId)}";
        var (alone, aloneCpu, aloneAnswer) = await ImportAsync(importer, url, csv[0]);
        if (aloneAnswer is not null)
        {
            Console.WriteLine($"import refused: {aloneAnswer}");
            return 1;
        }

        Console.WriteLine($"{"import alone",-34} {alone.TotalSeconds,8:0.00} s   {rows / alone.TotalSeconds,8:N0} rows/s   write (lock held) {writes.Last,6:0.00} s   cpu {aloneCpu.TotalSeconds,6:0.00} s   load {Measure.Load()}");

        using var stop = new CancellationTokenSource();
        var waits = new List<double>();
        var failures = 0;
        // Ten reads a second at most, as a client polling figures would: enough to meet every stall of
        // the write lock without the reads themselves taking the CPU from the import on a shared machine.
        var reading = Task.Run(async () =>
        {
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            while (!stop.IsCancellationRequested)
            {
                var watch = Stopwatch.StartNew();
                using var response = await reader.GetAsync(readUrl);
                waits.Add(watch.Elapsed.TotalMilliseconds);
                failures += response.IsSuccessStatusCode ? 0 : 1;
                await pace.WaitForNextTickAsync();
            }
        });

        var (read, readCpu, readAnswer) = await ImportAsync(importer, url, csv[1]);
        await stop.CancelAsync();
        await reading;
        if (readAnswer is not null)
        {
            Console.WriteLine($"import refused: {readAnswer}");
            return 1;
        }

        Console.WriteLine($"{"import while the API is read",-34} {read.TotalSeconds,8:0.00} s   {rows / read.TotalSeconds,8:N0} rows/s   write (lock held) {writes.Last,6:0.00} s   cpu {readCpu.TotalSeconds,6:0.00} s   load {Measure.Load()}");
        Console.WriteLine($"{"reads during that import (" + waits.Count + ")",-34} median {Percentile(waits, 0.5),8:0.0} ms  p95 {Percentile(waits, 0.95),8:0.0} ms  max {waits.DefaultIfEmpty(0).Max(),8:0.0} ms   load {Measure.Load()}{(failures > 0 ? $"   {failures} failed" : "")}");
        return 0;
    }

    /// <summary>The import's wall time, the process's CPU time meanwhile, and null or, when it was refused, its status and answer.</summary>
    private static async Task<(TimeSpan Elapsed, TimeSpan Cpu, string? Refused)> ImportAsync(HttpClient importer, string url, byte[] csv)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        using var answer = await importer.PostAsync(url, new ByteArrayContent(csv) { Headers = { ContentType = new("text/csv") { CharSet = "utf-8" } } });
        var elapsed = watch.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var body = await answer.Content.ReadAsStringAsync();
        return (elapsed, cpu, answer.StatusCode == HttpStatusCode.OK && body.Contains($"\"mattersCreated\":", StringComparison.Ordinal) && !body.Contains("\"saved\":false", StringComparison.Ordinal)
            ? null
            : $"{(int)answer.StatusCode} {body[..Math.Min(body.Length, 2000)]}");
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
    }

    /// <summary>
    /// A year of a street's ledger: about three rows per case (a third of the cases already known to
    /// the demo numbering scheme are new ones), the headline types with their outcomes, most fed back,
    /// some closed, some still open; times in Shanghai without an offset, as a desk's spreadsheet has them.
    /// </summary>
    private static byte[] Ledger(int rows, int ledger, string street, string courtCode, List<string> communities, DateTime nowUtc)
    {
        var random = new Random(20261207 + ledger);
        (string Code, string[] Outcomes)[] types =
        [
            ("whereabouts", ["found", "not_found"]),
            ("asset_vehicle", ["confirmed", "not_confirmed", "partly_confirmed"]),
            ("asset_income", ["confirmed", "not_confirmed"]),
            ("asset_real_estate", ["confirmed", "partly_confirmed"]),
            ("household", ["found", "not_found"]),
        ];
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭"];
        string[] given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞"];
        var local = nowUtc.AddHours(8);
        var text = new StringBuilder(string.Join(',', LedgerFile.Columns)).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            var caseSerial = 90_000 + (ledger * rows) + (i / 3);
            var (type, outcomes) = types[random.Next(types.Length)];
            var received = local.AddDays(-random.Next(10, 330)).Date.AddHours(8 + random.Next(10)).AddMinutes(random.Next(60));
            var dispatched = received.AddHours(1 + random.Next(6));
            var fedBack = dispatched.AddHours(4 + random.Next(80));
            var state = random.Next(10);
            var first17 = string.Create(CultureInfo.InvariantCulture, $"310110{1950 + random.Next(50)}{1 + random.Next(12):00}{1 + random.Next(28):00}{i % 1000:000}");
            string[] cells =
            [
                $"(2026){courtCode}执{caseSerial}号",
                type,
                random.Next(5) == 0 ? "party" : "court",
                street,
                random.Next(4) == 0 || communities.Count == 0 ? "" : communities[random.Next(communities.Count)],
                surnames[random.Next(surnames.Length)] + given[random.Next(given.Length)] + given[random.Next(given.Length)],
                first17 + IdentityNumbers.ResidentIdCheckChar(first17),
                Local(received),
                state == 0 ? "" : Local(dispatched),
                state <= 1 ? "" : Local(fedBack),
                state >= 7 ? Local(fedBack.AddDays(1 + random.Next(5))) : "",
                state <= 1 ? "" : outcomes[random.Next(outcomes.Length)],
                random.Next(3) == 0 ? "多次上门，邻居反映其晚间在家" : "",
            ];
            text.Append(string.Join(',', cells)).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>How long the import handler says it held the write lock (its LockMilliseconds), in seconds; NaN until one is logged.</summary>
    private sealed class WritePhaseLog : ILoggerProvider, ILogger
    {
        public double Last { get; private set; } = double.NaN;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "LockMilliseconds").Value is double milliseconds)
            {
                Last = milliseconds / 1000;
            }
        }

        public void Dispose()
        {
        }
    }

    private static string Local(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
