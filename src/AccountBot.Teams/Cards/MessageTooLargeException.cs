namespace AccountBot.Teams.Cards;

/// <summary>An outbound activity is over <see cref="MessageSize.MaxBytes"/>; trim it before sending.</summary>
public sealed class MessageTooLargeException : Exception
{
    public MessageTooLargeException(int size, int limit)
        : base($"The activity is {size} bytes; Teams bot messages must stay under {limit} bytes.")
    {
        Size = size;
        Limit = limit;
    }

    public MessageTooLargeException()
    {
    }

    public MessageTooLargeException(string message)
        : base(message)
    {
    }

    public MessageTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Size { get; }

    public int Limit { get; }
}
