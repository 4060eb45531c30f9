using System.Text.Json;
using Npgsql;

namespace Approval.EndToEnd.Tests;

/// <summary>
/// The tamper-evident audit log (issue 13): every record carries a sequence number and the SM3 hash of the record
/// before it; GET …/audit/verify re-computes the chain and names the first record that no longer fits.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class AuditChainTests(SuiteFixture suite)
{
    private static readonly Actor Supervisor = new("supervisor-e2e", "supervisor", Name: "监察科赵六");
    private static readonly Actor RegionAdmin = new("region-admin-e2e", "region-admin", Name: "区管理员");
    private readonly SuiteApi api = new(suite.Gateway);

    private Task<JsonElement> VerifyAsync(string service, Actor? actor = null) =>
        api.ExpectAsync(HttpStatusCode.OK, actor ?? Supervisor, HttpMethod.Get, $"/api/{service}/audit/verify");

    [Theory]
    [InlineData("identity")]
    [InlineData("intake")]
    [InlineData("approvals")]
    [InlineData("licences")]
    [InlineData("projects")]
    public async Task The_chain_of_records_written_through_the_api_verifies_for_a_supervisor_and_a_region_admin(string service)
    {
        // Every writer adds to the chain: a request's records and (for intake and approvals) the consumers' records.
        var id = await api.SubmitAsync(Actor.Applicant, "审计链的项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var item = await api.ItemRoutedToAsync("ZJJ", id);
        // Licences writes once a certificate is issued: the item (its technical review passed) concluded, its consumer seals
        // the certificate. Without this, the licences case passed only after other tests had issued certificates (a filtered
        // run found 0 records).
        if (service == "licences")
        {
            await api.ReviewPassedAsync(Actor.Applicant, item);
            await new LicenceIssuing(suite.Gateway).ConcludeAsync("ZJJ", item);
        }

        var report = await SuiteApi.PollAsync(() => VerifyAsync(service), r => r.GetProperty("count").GetInt64() > 0,
            $"{service} has chained audit records");
        Assert.True(report.GetProperty("ok").GetBoolean(), report.ToString());
        Assert.True((await VerifyAsync(service, RegionAdmin)).GetProperty("ok").GetBoolean());
        await api.ExpectAsync(HttpStatusCode.Forbidden, Actor.Applicant, HttpMethod.Get, $"/api/{service}/audit/verify");
    }

    [Fact]
    public async Task A_record_altered_directly_in_the_database_is_named_by_verify_and_verifies_again_once_restored()
    {
        var id = await api.SubmitAsync(Actor.Applicant, "被篡改审计的项目");
        await api.ExpectAsync(HttpStatusCode.OK, Actor.Window, HttpMethod.Post, $"/api/intake/applications/{id}/accept");
        var records = (await api.ExpectAsync(HttpStatusCode.OK, Supervisor, HttpMethod.Get, $"/api/intake/audit?objectId={id}&take=500")).EnumerateArray().ToList();
        var accepted = Assert.Single(records, r => r.GetProperty("outcome").GetString() == "3 已受理");
        var recordId = accepted.GetProperty("id").GetGuid();
        var sequence = accepted.GetProperty("sequence").GetInt64();
        Assert.True(sequence > 0);
        Assert.Equal(64, accepted.GetProperty("hash").GetString()!.Length); // SM3: 256 bits, hex
        Assert.True((await VerifyAsync("intake")).GetProperty("ok").GetBoolean());

        await AlterOutcomeAsync(recordId, "3 已受理（改）");
        try
        {
            var report = await VerifyAsync("intake");
            Assert.False(report.GetProperty("ok").GetBoolean(), report.ToString());
            var broken = report.GetProperty("broken");
            Assert.Equal(recordId, broken.GetProperty("id").GetGuid());
            Assert.Equal(sequence, broken.GetProperty("sequence").GetInt64());
            Assert.Contains("hash", broken.GetProperty("problem").GetString());
        }
        finally
        {
            await AlterOutcomeAsync(recordId, "3 已受理");
        }
        Assert.True((await VerifyAsync("intake")).GetProperty("ok").GetBoolean());
    }

    /// <summary>What an intruder with the database superuser's password can do: switch the append-only trigger off for one statement.</summary>
    private static async Task AlterOutcomeAsync(Guid recordId, string outcome)
    {
        var server = TestServers.Postgres;
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "approval_intake", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection)) await replica.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand("""UPDATE audit_records SET "Outcome" = @outcome WHERE "Id" = @id""", connection);
        command.Parameters.AddWithValue("outcome", outcome);
        command.Parameters.AddWithValue("id", recordId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
