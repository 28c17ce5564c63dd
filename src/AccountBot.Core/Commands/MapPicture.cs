namespace AccountBot.Core.Commands;

/// <summary>The pictures of a map.</summary>
public enum MapPicture
{
    Grid,
    Onion,
    Org,
    Raci,
}
