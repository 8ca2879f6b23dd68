using System.Diagnostics;
using Npgsql;
using Robson.Cli.Tests.Support;
using Robson.Cli.Tests.Support.Postgres;
using Robson.Storage.Postgres;
using Xunit.Abstractions;

namespace Robson.Cli.Tests.EndToEnd.Postgres;

/// <summary>
/// Daily limits and audit chains hold across OS processes sharing one PostgreSQL database, and tenants lock apart: the
/// promises of issue 10 that let several processes (or machines) run Robson on one database.
/// </summary>
public sealed class PostgresConcurrencyTests : IDisposable
{
    private const int MaxOrders = 10;
    private const int Workers = 4;

    private readonly Support.Robson _robson = PostgresRobson.Create();
    private readonly ITestOutputHelper _output;

    public PostgresConcurrencyTests(ITestOutputHelper output)
    {
        _output = output;
        // The child processes read the real clock, so plan and validate on it too.
        _robson.Clock.Now = DateTimeOffset.UtcNow;
    }

    public void Dispose() => _robson.Dispose();

    private Dictionary<string, string> Environment => new() { ["ROBSON_DATABASE_URL"] = _robson.Url() };

    private static string[] ExecuteLive(string client, string plan) =>
        ["execute", plan, "--client-id", client, "--live", "--acknowledge-risk", "--json"];

    private List<string> ValidatedPlans(string client, int count)
    {
        var strategy = _robson.CreateLiveStrategy(client, maxOrders: MaxOrders.ToString());
        return Enumerable.Range(0, count).Select(_ => _robson.ValidatedPlan(client, strategy, "buy", "ETHUSDT", "0.01")).ToList();
    }

    /// <summary>A run of one execution in its own process, with when it started and ended (from the test's start).</summary>
    private sealed record TimedRun(string Client, CliRun Run, TimeSpan Started, TimeSpan Ended);

    /// <summary>Runs the jobs in <see cref="Workers"/> workers, each taking the next job when its process ends.</summary>
    private List<TimedRun> RunInWorkers(IReadOnlyList<(string Client, string Plan)> jobs)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(() =>
        {
            var runs = new List<TimedRun>();
            for (var i = Interlocked.Increment(ref next); i < jobs.Count; i = Interlocked.Increment(ref next))
            {
                var started = clock.Elapsed;
                var run = RobsonProcess.Run(_robson.Home, Environment, ExecuteLive(jobs[i].Client, jobs[i].Plan));
                runs.Add(new TimedRun(jobs[i].Client, run, started, clock.Elapsed));
            }
            return runs;
        })).ToArray();
        return workers.SelectMany(w => w.Result).ToList();
    }

    /// <summary>Exactly the limit succeeded; every other run was blocked by ExecutionLimits; the ledger and the chain agree.</summary>
    private void AssertExactlyTheLimit(string client, IReadOnlyList<TimedRun> runs)
    {
        Assert.All(runs, r => Assert.True(r.Run.ExitCode is 0 or 1, r.Run.ToString()));
        Assert.Equal(MaxOrders, runs.Count(r => r.Run.ExitCode == 0));
        Assert.All(runs.Where(r => r.Run.ExitCode == 1), r =>
            Assert.Contains(r.Run.Json.GetProperty("guards").EnumerateArray(),
                g => g.GetProperty("name").GetString() == "ExecutionLimits" && !g.GetProperty("passed").GetBoolean()));
        _robson.Clock.Now = DateTimeOffset.UtcNow;
        Assert.Equal(MaxOrders, _robson.Expect(0, "report", "--client-id", client, "--json").Json.GetProperty("orders").GetInt32());
        _robson.Expect(0, "audit", "verify", "--client-id", client);
    }

    [Fact]
    public void SixtyFourProcesses_OneTenant_FourAtATime_RecordExactlyMaxOrdersPerDay_AndTheChainVerifies()
    {
        var plans = ValidatedPlans("1", 64);

        var runs = RunInWorkers(plans.Select(p => ("1", p)).ToList());

        Assert.Equal(64, runs.Count);
        AssertExactlyTheLimit("1", runs);
        Assert.Equal(54, runs.Count(r => r.Run.ExitCode == 1));
        _output.WriteLine($"64 LIVE executions, {Workers} processes at a time: {runs.Max(r => r.Ended).TotalSeconds:0.0} s");
    }

    [Fact]
    public void TwoTenantsAtOnce_EachGetsExactlyItsOwnLimit_AndBothChainsVerify()
    {
        var one = ValidatedPlans("1", 32);
        var two = ValidatedPlans("2", 32);
        // Interleaved: at any moment the four running processes mix both tenants.
        var jobs = one.Zip(two).SelectMany(p => new[] { ("1", p.First), ("2", p.Second) }).ToList();

        var runs = RunInWorkers(jobs);

        foreach (var client in new[] { "1", "2" })
        {
            var batch = runs.Where(r => r.Client == client).ToList();
            Assert.Equal(32, batch.Count);
            AssertExactlyTheLimit(client, batch);
            _output.WriteLine($"tenant {client}: 32 LIVE executions from {batch.Min(r => r.Started).TotalSeconds:0.00} s " +
                              $"to {batch.Max(r => r.Ended).TotalSeconds:0.00} s (slowest process {batch.Max(r => r.Ended - r.Started).TotalSeconds:0.00} s)");
        }
        _robson.Expect(0, "audit", "verify", "--all-tenants");
    }

    [Fact]
    public async Task OneTenantsLockHeld_AnotherTenantsLiveExecutionCompletes_WhileTheHeldTenantsWaits()
    {
        var planOne = ValidatedPlans("1", 1).Single();
        var planTwo = ValidatedPlans("2", 1).Single();

        // Hold exactly what a write of tenant 1 holds (the global key shared, tenant 1's key), as another process's
        // long transaction of tenant 1 would.
        using var holder = new NpgsqlConnection(_robson.SuperuserConnectionString());
        holder.Open();
        var transaction = holder.BeginTransaction();
        using (var take = new NpgsqlCommand(AdvisoryKeys.SharedGlobal + "; " + AdvisoryKeys.Tenant, holder, transaction))
        {
            take.Parameters.Add(new NpgsqlParameter<long>("tenant", 1));
            take.ExecuteNonQuery();
        }

        using var first = RobsonProcess.Start(_robson.Home, Environment, ExecuteLive("1", planOne));
        var clock = Stopwatch.StartNew();
        var second = RobsonProcess.Run(_robson.Home, Environment, ExecuteLive("2", planTwo));
        var secondTook = clock.Elapsed;

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.False(first.HasExited, "tenant 1's execution finished while its lock was held");
        // Not merely slow to start: it is waiting on tenant 1's advisory lock.
        WaitUntil(() => WaitingOnTenantLock(holder, 1), "tenant 1's execution never waited on its tenant's lock");

        transaction.Commit();
        var firstOut = first.StandardOutput.ReadToEndAsync();
        var firstErr = first.StandardError.ReadToEndAsync();
        Assert.True(first.WaitForExit(TimeSpan.FromMinutes(1)), "tenant 1's execution did not finish once its lock was released");
        var firstRun = new CliRun(first.ExitCode, await firstOut, await firstErr);
        Assert.True(firstRun.ExitCode == 0, firstRun.ToString());
        _output.WriteLine($"tenant 2's LIVE execution took {secondTook.TotalSeconds:0.00} s with tenant 1's lock held; " +
                          $"tenant 1's finished {clock.Elapsed.TotalSeconds:0.00} s after both started, once released");
        _robson.Expect(0, "audit", "verify", "--all-tenants");
    }

    /// <summary>Whether a session waits for the advisory lock keyed by the tenant id (a one-bigint key: objid holds its low half).</summary>
    private static bool WaitingOnTenantLock(NpgsqlConnection connection, long tenant)
    {
        using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1 AND classid = 0 AND objid::bigint = @t",
            connection);
        command.Parameters.Add(new NpgsqlParameter<long>("t", tenant));
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }

    private static void WaitUntil(Func<bool> condition, string failure)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), failure);
            Thread.Sleep(50);
        }
    }
}
