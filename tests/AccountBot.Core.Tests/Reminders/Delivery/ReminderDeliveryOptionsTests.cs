using System.ComponentModel.DataAnnotations;
using AccountBot.Core.Reminders;

namespace AccountBot.Core.Tests.Reminders.Delivery;

public sealed class ReminderDeliveryOptionsTests
{
    private static readonly ReminderDeliveryOptions Options = new() { RetryBaseDelay = TimeSpan.FromMinutes(1), RetryMaxDelay = TimeSpan.FromMinutes(10) };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 10)]
    [InlineData(60, 10)]
    public void RetryDelay_NoRetryAfter_DoublesUpToTheCap(int attempts, int expectedMinutes) =>
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), Options.RetryDelay(attempts, null));

    [Fact]
    public void RetryDelay_RetryAfter_IsThePlatformsWordEvenPastTheCap()
    {
        Assert.Equal(TimeSpan.FromSeconds(20), Options.RetryDelay(3, TimeSpan.FromSeconds(20)));
        Assert.Equal(TimeSpan.FromMinutes(30), Options.RetryDelay(1, TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void RetryDelay_RetryAfterZero_AtLeastOneSecond() =>
        Assert.Equal(TimeSpan.FromSeconds(1), Options.RetryDelay(1, TimeSpan.Zero));

    [Fact]
    public void Validate_Defaults_Valid() => Assert.Empty(Validate(new ReminderDeliveryOptions()));

    [Fact]
    public void Validate_BadValues_NamesEachKey()
    {
        var options = new ReminderDeliveryOptions
        {
            MaxParallelSends = 0,
            MaxAttempts = 0,
            SendTimeout = TimeSpan.Zero,
            PollInterval = TimeSpan.FromDays(2),
            RetryBaseDelay = TimeSpan.FromMinutes(10),
            RetryMaxDelay = TimeSpan.FromMinutes(1),
        };

        var members = Validate(options).SelectMany(r => r.MemberNames).ToHashSet();

        Assert.Superset(new HashSet<string> { "MaxParallelSends", "MaxAttempts" }, members);
    }

    [Fact]
    public void Validate_BadTimeSpansAndOrder_NamesEachKey()
    {
        var options = new ReminderDeliveryOptions
        {
            SendTimeout = TimeSpan.Zero,
            PollInterval = TimeSpan.FromDays(2),
            RetryBaseDelay = TimeSpan.FromMinutes(10),
            RetryMaxDelay = TimeSpan.FromMinutes(1),
        };

        var members = Validate(options).SelectMany(r => r.MemberNames).ToHashSet();

        Assert.Equal(new HashSet<string> { "SendTimeout", "PollInterval", "RetryMaxDelay" }, members);
    }

    private static List<ValidationResult> Validate(ReminderDeliveryOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
