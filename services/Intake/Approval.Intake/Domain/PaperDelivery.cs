namespace Approval.Intake.Domain;

/// <summary>Paper results by mail on the applicant's request: the address, and the tracking number the window records.</summary>
public sealed class PaperDelivery
{
    public Guid ApplicationId { get; init; }
    public required string Recipient { get; init; }
    public required string Phone { get; init; }
    public required string Address { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    /// <summary>The window officer who recorded the request for the applicant (a counter or mailed submission); null when the applicant asked online.</summary>
    public string? RequestedBy { get; init; }
    public string? Carrier { get; private set; }
    public string? TrackingNumber { get; private set; }
    public string? ShippedBy { get; private set; }
    public DateTimeOffset? ShippedAt { get; private set; }

    public void Ship(string? carrier, string? trackingNumber, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(trackingNumber))
            throw Approval.Contracts.Errors.ValidationException.For("trackingNumber", "the tracking number is required", "必须填写邮件单号");
        if (ShippedAt is not null) throw new IntakeRuleException("The results were already sent.", "结果材料已寄出。");
        Carrier = string.IsNullOrWhiteSpace(carrier) ? null : carrier.Trim();
        TrackingNumber = trackingNumber.Trim();
        ShippedBy = by;
        ShippedAt = now;
    }
}
