using System.Security.Cryptography;
using AccountBot.Storage.LiteDb;
using Microsoft.Extensions.Options;

namespace AccountBot.Pictures;

/// <summary>
/// The HMAC keys of picture and export links. The current key is <c>Pictures:SigningKey</c> when set,
/// else a random key generated on first start and kept in <c>picture-signing.key</c> next to the
/// database (owner-only permissions), so links survive restarts; <c>Pictures:PreviousSigningKeys</c>
/// are still accepted during a rotation. Keys are never logged.
/// </summary>
internal sealed partial class LinkSigningKeys(IOptions<PictureOptions> options, IOptions<LiteDbOptions> storage, IHostEnvironment environment, ILogger<LinkSigningKeys> logger)
{
    public const string FileName = "picture-signing.key";

    private readonly Lazy<LinkKeyRing> ring = new(() => new LinkKeyRing(
        Load(options.Value, storage.Value, environment, logger),
        options.Value.PreviousSigningKeys.Select(k => TryDecode(k)!)));

    public LinkKeyRing Ring => ring.Value;

    public static byte[]? TryDecode(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) ? buffer[..written] : null;
    }

    private static byte[] Load(PictureOptions options, LiteDbOptions storage, IHostEnvironment environment, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return TryDecode(options.SigningKey)!;
        }

        var database = Path.GetFullPath(storage.Path, environment.ContentRootPath);
        var path = Path.Combine(Path.GetDirectoryName(database) ?? environment.ContentRootPath, FileName);
        if (File.Exists(path))
        {
            var stored = TryDecode(File.ReadAllText(path));
            if (stored is not null && stored.Length >= PictureOptions.MinKeyBytes)
            {
                return stored;
            }
        }

        var fresh = RandomNumberGenerator.GetBytes(PictureOptions.MinKeyBytes);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, file))
        {
            writer.Write(Convert.ToBase64String(fresh));
        }

        Generated(logger, path);
        return fresh;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated a signing key for picture and export links in {Path}; set Pictures:SigningKey to share one between instances.")]
    private static partial void Generated(ILogger logger, string path);
}
