using Approval.Messaging;

namespace Approval.UnitTests;

/// <summary>Which command texts a consumer in a group may run and still leave its group untouched (reads only).</summary>
public sealed class WrittenCommandsTests
{
    [Theory]
    [InlineData("SELECT c.\"Id\" FROM cases AS c WHERE c.\"Id\" = @p LIMIT 1")]
    [InlineData("  select 1")]
    [InlineData("-- ItemStatus lookup\nSELECT 1")]
    [InlineData("/* tag */ SELECT 1")]
    public void A_plain_select_only_reads(string text) => Assert.True(WrittenCommands.IsSelect(text));

    [Theory]
    [InlineData("INSERT INTO inbox_messages (message_id) VALUES (@p0) ON CONFLICT DO NOTHING")]
    [InlineData("UPDATE rows SET x = 1 RETURNING xmin")]
    [InlineData("WITH d AS (DELETE FROM rows RETURNING *) SELECT count(*) FROM d")]
    [InlineData("SELECTED_ROWS()")]
    [InlineData("-- a comment that never ends")]
    [InlineData("/* unclosed SELECT 1")]
    [InlineData("")]
    public void Anything_else_may_write(string text) => Assert.False(WrittenCommands.IsSelect(text));
}
