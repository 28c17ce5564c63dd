namespace AccountBot.Core.Accounts;

/// <summary>Thrown when a change would break a rule of the map; carries every broken rule.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(IReadOnlyList<ValidationError> errors)
        : base(string.Join(" ", errors.Select(e => e.Message)))
    {
        Errors = errors;
    }

    public DomainRuleException(string field, string message)
        : this([new ValidationError(field, message)])
    {
    }

    public DomainRuleException()
        : this([])
    {
    }

    public DomainRuleException(string message)
        : this(StakeholderFields.General, message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ValidationError(StakeholderFields.General, message)];
    }

    public IReadOnlyList<ValidationError> Errors { get; }
}
