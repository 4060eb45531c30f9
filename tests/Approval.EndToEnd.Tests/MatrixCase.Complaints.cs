namespace Approval.EndToEnd.Tests;

/// <summary>{complaint}: a complaint of the applicant about ZJJ (建议投诉), made only when the row's path names it.</summary>
public sealed partial class MatrixCase
{
    private async Task ComplaintAsync(SuiteApi api, MatrixRow row)
    {
        if (!Needs(row).Contains("complaint")) return;
        var made = await api.ExpectAsync(HttpStatusCode.Created, Actor.Applicant, HttpMethod.Post, "/api/supervision/complaints",
            new { kind = "complaint", departmentCode = "ZJJ", title = "访问矩阵投诉", text = "访问矩阵的投诉内容" });
        values["complaint"] = made.GetProperty("id").GetString()!;
    }
}
