using Approval.Notifications;
using Approval.Notifications.Domain;
using Approval.Notifications.Jobs;
using System.ComponentModel.DataAnnotations;

namespace Approval.UnitTests;

/// <summary>
/// An SMS waiting for a mobile number is looked at again after half its age (at least PostponeInterval, at most
/// PostponeMaxInterval) and a last time when its AddressGrace ends — not every 5 s for 10 minutes (issue 22).
/// </summary>
public sealed class DeliveryPostponeTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly NotificationOptions Defaults = new();
    private static readonly Delivery Sms = new() { Id = Guid.NewGuid(), Channel = "sms", RecipientId = "u", CreatedAt = Created, NextAttemptAt = Created };

    [Theory]
    [InlineData(0, 5)]        // young: the shortest wait
    [InlineData(8, 5)]
    [InlineData(30, 15)]      // half its age
    [InlineData(100, 50)]
    [InlineData(300, 60)]     // at most a minute
    [InlineData(570, 30)]     // the last look is when the grace ends (10 min), not after it
    public void The_wait_grows_with_the_deliverys_age_and_ends_with_the_grace(int ageSeconds, int waitSeconds)
    {
        var now = Created.AddSeconds(ageSeconds);
        Assert.Equal(now.AddSeconds(waitSeconds), DeliveryDispatcher.Postponed(Sms, now, Defaults));
    }

    [Fact]
    public void Ten_minutes_of_grace_take_about_fifteen_looks_and_the_last_is_at_its_end()
    {
        var looks = new List<DateTimeOffset>();
        for (var at = Created; at < Created + Defaults.AddressGrace; at = DeliveryDispatcher.Postponed(Sms, at, Defaults)) looks.Add(at);
        Assert.InRange(looks.Count, 12, 20); // one every 5 s would be 120
        Assert.Equal(Created + Defaults.AddressGrace, DeliveryDispatcher.Postponed(Sms, looks[^1], Defaults));
    }

    [Fact]
    public void A_longest_wait_shorter_than_the_shortest_is_refused_at_start()
    {
        var options = new NotificationOptions { PostponeInterval = TimeSpan.FromMinutes(2), PostponeMaxInterval = TimeSpan.FromMinutes(1) };
        var error = Assert.Single(options.Validate(new ValidationContext(options)));
        Assert.Contains("PostponeMaxInterval", error.ErrorMessage);
    }
}
