namespace AccountBot.Charts;

/// <summary>The arranged org chart: each person's box and the reporting lines between them.</summary>
internal sealed class OrgTree
{
    public Dictionary<Guid, LabelBox> Boxes { get; } = [];

    public List<((float X, float Y) From, (float X, float Y) To)> Lines { get; } = [];

    public float Width { get; set; }

    public float Height { get; set; }

    /// <summary>Moves everything right (to centre a narrow chart on the picture).</summary>
    public void ShiftRight(float dx)
    {
        foreach (var id in Boxes.Keys.ToList())
        {
            var box = Boxes[id];
            Boxes[id] = box with { Left = box.Left + dx };
        }

        for (var i = 0; i < Lines.Count; i++)
        {
            var (from, to) = Lines[i];
            Lines[i] = ((from.X + dx, from.Y), (to.X + dx, to.Y));
        }
    }
}
