namespace AccountBot.KeyRing;

/// <summary>
/// Where ASP.NET Core Data Protection keeps the key ring that encrypts Slack bot tokens at rest; bound to section
/// <c>DataProtection</c>. The key ring is a secret: back it up with the database, never apart from it in the clear.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>The folder used when <see cref="KeysPath"/> is empty, next to the database file.</summary>
    public const string DefaultFolderName = "keys";

    /// <summary>The key ring folder (relative to the content root); empty means <c>keys</c> next to the database.</summary>
    public string KeysPath { get; set; } = string.Empty;
}
