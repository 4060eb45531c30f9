using Npgsql;

namespace Approval.Faults.Tests;

/// <summary>
/// What the suite's own databases and broker say after a fault run (issue 22): every accepted application concluded with
/// every item decided and a certificate per approved item that yields one (in Licences and in the applicant's view), no
/// effect twice, no outbox row unsent, no message left in a queue, none in an _error or _skipped queue.
/// </summary>
internal sealed record Reconciliation(
    int Applications, int Accepted, int Concluded, int ItemsDecided, int CertificatesExpected, int CertificatesIssued,
    int CertificatesShown, IReadOnlyList<string> Stuck, IReadOnlyList<string> Duplicates, IReadOnlyList<string> Unsent,
    IReadOnlyList<string> Queued, IReadOnlyList<string> Failed)
{
    public bool Clean => Stuck.Count == 0 && Duplicates.Count == 0 && Unsent.Count == 0 && Queued.Count == 0 && Failed.Count == 0
                         && CertificatesIssued == CertificatesExpected && CertificatesShown == CertificatesExpected;

    public static async Task<Reconciliation> RunAsync(string databasePrefix, string vhost, CancellationToken ct)
    {
        string Db(string service) => $"{TestServers.Postgres};Database={databasePrefix}_{service};Pooling=false";
        // application → (items applied for, stage concluded)
        var applications = await QueryAsync(Db("intake"), """
            SELECT "Id", jsonb_array_length(items), "StageConcludedAt" IS NOT NULL, "Status" FROM applications
            """, r => (Id: r.GetGuid(0), Items: r.GetInt32(1), Concluded: r.GetBoolean(2), Status: r.GetInt32(3)), ct);
        // 1 received (waiting for the window), 2 withdrawn, 4/5 not accepted: every other status comes after 受理
        var accepted = applications.Where(a => a.Status is not (1 or 2 or 4 or 5)).ToList();
        var items = (await QueryAsync(Db("approvals"), """
            SELECT "ApplicationId", count(*)::int, (count(*) FILTER (WHERE "Status" IN (11, 12, 13)))::int,
                   (count(*) FILTER (WHERE "Status" IN (11, 12) AND "LicenceTypeCode" IS NOT NULL))::int
            FROM item_instances GROUP BY 1
            """, r => (Id: r.GetGuid(0), Routed: r.GetInt32(1), Decided: r.GetInt32(2), Certified: r.GetInt32(3)), ct)).ToDictionary(i => i.Id);
        var issued = await CountsAsync(Db("licences"), """SELECT "ApplicationId", count(*)::int FROM licences WHERE "RevokedAt" IS NULL GROUP BY 1""", ct);
        var shown = await CountsAsync(Db("intake"), """SELECT "ApplicationId", count(*)::int FROM issued_licences GROUP BY 1""", ct);

        var stuck = new List<string>();
        int concluded = 0, decided = 0, expected = 0;
        foreach (var application in accepted)
        {
            var routed = items.GetValueOrDefault(application.Id);
            decided += routed.Decided;
            expected += routed.Certified;
            var problems = new List<string>();
            if (routed.Routed != application.Items) problems.Add($"{routed.Routed} of {application.Items} items routed");
            if (routed.Decided != routed.Routed) problems.Add($"{routed.Decided} of {routed.Routed} items decided");
            if (!application.Concluded) problems.Add("stage not concluded");
            if (issued.GetValueOrDefault(application.Id) != routed.Certified) problems.Add($"{issued.GetValueOrDefault(application.Id)} of {routed.Certified} certificates issued");
            if (shown.GetValueOrDefault(application.Id) != routed.Certified) problems.Add($"{shown.GetValueOrDefault(application.Id)} of {routed.Certified} certificates shown to the applicant");
            if (problems.Count == 0) concluded++;
            else stuck.Add($"application {application.Id}: {string.Join(", ", problems)}");
        }

        var duplicates = new List<string>();
        async Task Twice(string service, string what, string sql) =>
            duplicates.AddRange((await QueryAsync(Db(service), sql, r => $"{service}: {what} {r.GetValue(0)} ×{r.GetInt64(1)}", ct)));
        await Twice("licences", "certificate for item", """SELECT "ItemInstanceId", count(*) FROM licences GROUP BY 1 HAVING count(*) > 1""");
        await Twice("intake", "certificate shown for application/item", """SELECT "ApplicationId" || '/' || "ItemCode", count(*) FROM issued_licences GROUP BY 1 HAVING count(*) > 1""");
        await Twice("intake", "progress line", """
            SELECT "ApplicationId" || '/' || coalesce("ItemInstanceId"::text, '-') || '/' || "StatusCode", count(*)
            FROM progress_entries GROUP BY 1 HAVING count(*) > 1
            """);
        await Twice("notifications", "notice", """
            SELECT "ApplicationId" || '/' || coalesce("RecipientId", '-') || '/' || "Kind" || '/' || md5("Body"), count(*)
            FROM notices GROUP BY 1 HAVING count(*) > 1
            """);

        var unsent = new List<string>();
        var databases = await QueryAsync($"{TestServers.Postgres};Database=postgres;Pooling=false",
            $"SELECT datname FROM pg_database WHERE datname LIKE '{databasePrefix}\\_%'", r => r.GetString(0), ct);
        foreach (var database in databases)
        {
            var connection = $"{TestServers.Postgres};Database={database};Pooling=false";
            var hasOutbox = (await QueryAsync(connection, "SELECT to_regclass('outbox_messages') IS NOT NULL", r => r.GetBoolean(0), ct)).Single();
            if (!hasOutbox) continue;
            var count = (await QueryAsync(connection, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", r => r.GetInt64(0), ct)).Single();
            if (count > 0) unsent.Add($"{database}: {count} outbox rows unsent");
        }

        var queues = await ServerFaults.QueuesAsync(vhost);
        var failed = new List<string>();
        foreach (var (queue, messages) in queues.Where(q => q.Messages > 0 && (q.Queue.EndsWith("_error") || q.Queue.EndsWith("_skipped"))))
            failed.Add($"{queue}: {messages} ({await FirstFaultAsync(vhost, queue)})");
        var queued = queues.Where(q => q.Messages > 0 && !q.Queue.EndsWith("_error") && !q.Queue.EndsWith("_skipped"))
            .Select(q => $"{q.Queue}: {q.Messages}").ToList();

        return new Reconciliation(applications.Count, accepted.Count, concluded, decided, expected,
            accepted.Sum(a => issued.GetValueOrDefault(a.Id)), accepted.Sum(a => shown.GetValueOrDefault(a.Id)),
            stuck, duplicates, unsent, queued, failed);
    }

    /// <summary>Why the first message of an _error queue failed (MassTransit's fault headers); the message stays queued.</summary>
    private static async Task<string> FirstFaultAsync(string vhost, string queue)
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = ServerFaults.RabbitMqOn(vhost) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var message = await channel.BasicGetAsync(queue, autoAck: false);
        if (message is null) return "gone";
        await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue: true);
        string Header(string name) => message.BasicProperties.Headers?.TryGetValue(name, out var value) == true
            ? value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : value?.ToString() ?? "" : "";
        return $"{Header("MT-Fault-ExceptionType")}: {Header("MT-Fault-Message")}".Trim();
    }

    private static async Task<Dictionary<Guid, int>> CountsAsync(string connection, string sql, CancellationToken ct) =>
        (await QueryAsync(connection, sql, r => (Id: r.GetGuid(0), Count: r.GetInt32(1)), ct)).ToDictionary(c => c.Id, c => c.Count);

    private static async Task<List<T>> QueryAsync<T>(string connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var source = NpgsqlDataSource.Create(connection);
        await using var command = source.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }
}
