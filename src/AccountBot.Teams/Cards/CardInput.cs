namespace AccountBot.Teams.Cards;

/// <summary>
/// Base of the inputs. Their values come back by <see cref="CardElement.Id"/>; <c>isRequired</c>
/// and <c>regex</c> are client hints only, so the server validates again.
/// </summary>
public abstract record CardInput : CardElement
{
    protected CardInput(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}
