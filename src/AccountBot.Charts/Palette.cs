using AccountBot.Core.Accounts;
using SkiaSharp;

namespace AccountBot.Charts;

/// <summary>Colours and short role letters shared by the pictures (colour-blind-friendly where it matters).</summary>
internal static class Palette
{
    public static readonly SKColor Background = SKColors.White;
    public static readonly SKColor Ink = new(0x22, 0x22, 0x22);
    public static readonly SKColor Muted = new(0x6B, 0x6B, 0x6B);
    public static readonly SKColor Faint = new(0xD0, 0xD0, 0xD0);
    public static readonly SKColor LeftCompany = new(0xA8, 0xA8, 0xA8);

    public static SKColor For(Stance stance) => stance switch
    {
        Stance.Supporter => new SKColor(0x1B, 0x9E, 0x4B),
        Stance.Skeptic => new SKColor(0xE0, 0x8E, 0x0B),
        Stance.Opponent => new SKColor(0xC6, 0x28, 0x28),
        _ => new SKColor(0x78, 0x84, 0x90),
    };

    public static SKColor For(Role role) => role switch
    {
        Role.DecisionMaker => new SKColor(0x3F, 0x51, 0xB5),
        Role.Signer => new SKColor(0x00, 0x79, 0x6B),
        Role.Champion => new SKColor(0x2E, 0x7D, 0x32),
        Role.Influencer => new SKColor(0x8E, 0x24, 0xAA),
        Role.Blocker => new SKColor(0xC6, 0x28, 0x28),
        Role.Gatekeeper => new SKColor(0xEF, 0x6C, 0x00),
        Role.EndUser => new SKColor(0x03, 0x88, 0xD1),
        _ => new SKColor(0x78, 0x84, 0x90),
    };

    public static SKColor For(RelationshipKind kind) => kind switch
    {
        RelationshipKind.Influences => new SKColor(0x3F, 0x51, 0xB5),
        RelationshipKind.Ally => new SKColor(0x2E, 0x7D, 0x32),
        RelationshipKind.Rival => new SKColor(0xC6, 0x28, 0x28),
        _ => new SKColor(0x9E, 0x9E, 0x9E),
    };

    public static SKColor For(Raci raci) => raci switch
    {
        Raci.Responsible => new SKColor(0x3F, 0x51, 0xB5),
        Raci.Accountable => new SKColor(0xC6, 0x28, 0x28),
        Raci.Consulted => new SKColor(0xEF, 0x6C, 0x00),
        Raci.Informed => new SKColor(0x2E, 0x7D, 0x32),
        _ => Faint,
    };

    public static string Letters(Role role) => role switch
    {
        Role.DecisionMaker => "DM",
        Role.Signer => "S",
        Role.Champion => "C",
        Role.Influencer => "I",
        Role.Blocker => "B",
        Role.Gatekeeper => "G",
        Role.EndUser => "U",
        _ => string.Empty,
    };

    /// <summary>"DM S C" for a person's roles, in the product's role order.</summary>
    public static string Badge(Role roles) => string.Join(' ', Roles.Split(roles).Select(Letters));

    /// <summary>The colour of the first role a person has (in the product's order), for the onion.</summary>
    public static SKColor PrimaryRole(Role roles) => Roles.Split(roles) is [var first, ..] ? For(first) : For(Role.None);
}
