using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AccountBot.Core.Accounts;

namespace AccountBot.Core.Features.QuickAdd;

/// <summary>
/// The Undo button's code: the map and, per person, what to undo (<see cref="UndoStep"/>), packed small and base64url
/// encoded into the button's command (<c>map Acme undo &lt;code&gt;</c>), so undoing needs no store of its own and works
/// on any instance. The code gives nobody more than editing the map does; the fingerprints make a stale or repeated
/// code refuse rather than overwrite someone's later change.
/// </summary>
public sealed record UndoCode(Guid MapId, IReadOnlyList<UndoStep> Steps)
{
    private const byte FormatVersion = 1;

    public string Encode()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(MapId.ToByteArray());
            writer.Write7BitEncodedInt(Steps.Count);
            foreach (var step in Steps)
            {
                writer.Write(step.PersonId.ToByteArray());
                writer.Write(step.Name);
                writer.Write(step.After);
                writer.Write(step.Before is not null);
                if (step.Before is { } before)
                    WriteFields(writer, before, step.Changed);
            }
        }

        return Base64Url.EncodeToString(stream.ToArray());
    }

    public static UndoCode? TryDecode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 4096)
            return null;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(Base64Url.DecodeFromChars(code)), Encoding.UTF8);
            if (reader.ReadByte() != FormatVersion)
                return null;
            var mapId = new Guid(reader.ReadBytes(16));
            var count = reader.Read7BitEncodedInt();
            if (count is < 1 or > 100)
                return null;
            var steps = new List<UndoStep>(count);
            for (var i = 0; i < count; i++)
            {
                var id = new Guid(reader.ReadBytes(16));
                var name = reader.ReadString();
                var after = reader.ReadUInt64();
                steps.Add(reader.ReadBoolean() ? ReadFields(reader, id, name, after) : new UndoStep(id, name, after, null, QuickFields.None));
            }

            return reader.BaseStream.Position == reader.BaseStream.Length ? new UndoCode(mapId, steps) : null;
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException or ArgumentException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// A person's state in 8 bytes: equal only when every field is. Written out field by field (not serialized) so the
    /// value does not depend on a serializer; a field added to <see cref="Stakeholder"/> belongs here too.
    /// </summary>
    public static ulong Fingerprint(Stakeholder person)
    {
        ArgumentNullException.ThrowIfNull(person);
        string?[] fields =
        [
            person.Id.ToString("N"), person.Name, person.Title, person.Department, person.Email, person.ProfileUrl,
            person.ReportsToId?.ToString("N"), Number((int)person.Roles), Number(person.Power), Number(person.Interest),
            Number((int)person.Stance), Number((int)person.Raci), person.RelationshipOwner?.Id, person.RelationshipOwner?.Name,
            Number((int)person.Strength), person.LastContacted is { } contacted ? Number(contacted.DayNumber) : null,
            person.NextStep, person.NextStepDue is { } due ? Number(due.DayNumber) : null, person.Notes, Number((int)person.Status),
        ];
        // Each field is length-prefixed so that ("ab", "c") and ("a", "bc") differ; a null differs from "".
        var text = string.Concat(fields.Select(f => f is null ? "-;" : Number(f.Length) + ":" + f + ";"));
        return BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void WriteFields(BinaryWriter writer, Stakeholder before, QuickFields changed)
    {
        writer.Write((byte)changed);
        if (changed.HasFlag(QuickFields.Title))
            WriteText(writer, before.Title);
        if (changed.HasFlag(QuickFields.Roles))
            writer.Write((int)before.Roles);
        if (changed.HasFlag(QuickFields.Power))
            writer.Write((byte)before.Power);
        if (changed.HasFlag(QuickFields.Interest))
            writer.Write((byte)before.Interest);
        if (changed.HasFlag(QuickFields.Owner))
        {
            WriteText(writer, before.RelationshipOwner?.Id);
            WriteText(writer, before.RelationshipOwner?.Name);
        }

        if (changed.HasFlag(QuickFields.NextStep))
            WriteText(writer, before.NextStep);
        if (changed.HasFlag(QuickFields.NextStepDue))
        {
            writer.Write(before.NextStepDue is not null);
            writer.Write(before.NextStepDue?.DayNumber ?? 0);
        }
    }

    private static UndoStep ReadFields(BinaryReader reader, Guid id, string name, ulong after)
    {
        var changed = (QuickFields)reader.ReadByte();
        var before = new Stakeholder { Id = id, Name = string.Empty };
        if (changed.HasFlag(QuickFields.Title))
            before = before with { Title = ReadText(reader) };
        if (changed.HasFlag(QuickFields.Roles))
            before = before with { Roles = Roles.All.Aggregate(Role.None, (known, r) => known | r) & (Role)reader.ReadInt32() };
        if (changed.HasFlag(QuickFields.Power))
            before = before with { Power = reader.ReadByte() };
        if (changed.HasFlag(QuickFields.Interest))
            before = before with { Interest = reader.ReadByte() };
        if (changed.HasFlag(QuickFields.Owner))
        {
            var ownerId = ReadText(reader);
            var ownerName = ReadText(reader);
            before = before with { RelationshipOwner = ownerId is null ? null : new UserRef(ownerId, ownerName ?? ownerId) };
        }

        if (changed.HasFlag(QuickFields.NextStep))
            before = before with { NextStep = ReadText(reader) };
        if (changed.HasFlag(QuickFields.NextStepDue))
        {
            var has = reader.ReadBoolean();
            var day = reader.ReadInt32();
            before = before with { NextStepDue = has ? DateOnly.FromDayNumber(day) : null };
        }

        return new UndoStep(id, name, after, before, changed);
    }

    private static void WriteText(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
            writer.Write(text);
    }

    private static string? ReadText(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
