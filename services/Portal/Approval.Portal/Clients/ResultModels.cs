namespace Approval.Portal.Clients;

// Intake's results to the applicant (services/Intake/Approval.Intake/Api/ResultsApi.cs) and Identity's account search.

/// <summary>One item's outcome on the consolidated result notice: its last status (e.g. 11 办结（通过）), opinion and conclusion time once concluded.</summary>
public sealed record ResultItem(string ItemCode, string ItemName, string DepartmentName, int? StatusCode, string? StatusName, string? Opinion, DateTimeOffset? ConcludedAt);

/// <summary>Paper results by mail: RequestedBy is the window officer who recorded it for the applicant (null: the applicant asked).</summary>
public sealed record PaperDelivery(string Recipient, string Phone, string Address, DateTimeOffset RequestedAt, string? Carrier, string? TrackingNumber,
    DateTimeOffset? ShippedAt, string? RequestedBy = null, string? ShippedBy = null);

/// <summary>The consolidated result notice (办结结果通知): issued by the window once every item concluded.</summary>
public sealed record ResultNotice(Guid ApplicationId, string ProjectCode, string ProjectName, string ApplicantName, string StageName, bool AllConcluded,
    DateTimeOffset? IssuedAt, string? IssuedBy, IReadOnlyList<ResultItem> Items, IReadOnlyList<IssuedLicence> Licences, PaperDelivery? Delivery);

/// <summary>An applicant account found by the window's search: phone and real-name number masked.</summary>
public sealed record AccountMatch(string Id, string UserName, string DisplayName, string Kind, string? MaskedMobile, string? MaskedNumber);

public sealed record AccountSearch(IReadOnlyList<AccountMatch> Items, int Total, int Page, int PageSize);
