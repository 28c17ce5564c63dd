using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;

namespace AccountBot.Charts.Tests;

public sealed class MapPictureRendererTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    private const int MaxBytes = 300 * 1024;

    private readonly MapPictureRenderer renderer = fixture.Renderer;

    public static TheoryData<MapPicture> Pictures => [MapPicture.Grid, MapPicture.Onion, MapPicture.Org, MapPicture.Raci];

    [Theory]
    [MemberData(nameof(Pictures))]
    public void Render_SmallMap_DecodesAtLayoutSize(MapPicture picture)
    {
        var rendered = renderer.Render(SampleMaps.Small(), picture);

        using var pixels = new PngPixels(rendered.Png);
        Assert.Equal(rendered.Layout.Width, pixels.Width);
        Assert.Equal(rendered.Layout.Height, pixels.Height);
        Assert.InRange(pixels.Width, 1000, 2400);
        Assert.InRange(pixels.Height, 300, 2400);
    }

    [Theory]
    [MemberData(nameof(Pictures))]
    public void Render_SixtyPeople_StaysUnder300KB(MapPicture picture)
    {
        var rendered = renderer.Render(SampleMaps.Large(), picture);

        Assert.InRange(rendered.Png.Length, 1, MaxBytes);
    }

    [Theory]
    [MemberData(nameof(Pictures))]
    public void Render_SameMapTwice_SameBytes(MapPicture picture)
    {
        var first = renderer.Render(SampleMaps.Large(), picture);
        var second = renderer.Render(SampleMaps.Large(), picture);

        Assert.Equal(first.Png, second.Png);
    }

    [Theory]
    [MemberData(nameof(Pictures))]
    public void Render_ReorderedStakeholders_SameBytes(MapPicture picture)
    {
        var map = SampleMaps.Small();
        var reordered = map with { Stakeholders = [.. map.Stakeholders.Reverse()], Relationships = [.. map.Relationships.Reverse()] };

        Assert.Equal(renderer.Render(map, picture).Png, renderer.Render(reordered, picture).Png);
    }

    [Theory]
    [MemberData(nameof(Pictures))]
    public void Render_EachPerson_LabelDrawnWhereLayoutSays(MapPicture picture)
    {
        var map = SampleMaps.Small();
        var full = renderer.Render(map, picture);
        using var fullPixels = new PngPixels(full.Png);
        var shown = picture is MapPicture.Grid or MapPicture.Onion ? map.Stakeholders.Where(s => s.IsActive) : map.Stakeholders;

        foreach (var person in shown)
        {
            var placed = full.Layout.Find(person.Id);
            Assert.True(placed is not null, $"{person.Name} is not in the {picture} layout.");
            Assert.True(fullPixels.InkIn(placed.Label) > 20, $"{person.Name}'s label has no ink in the {picture}.");

            var without = renderer.Render(SampleMaps.Without(map, person.Id), picture);
            using var withoutPixels = new PngPixels(without.Png);
            Assert.True(fullPixels.DifferencesIn(withoutPixels, placed.Label) > 20, $"Leaving {person.Name} out changes nothing where their {picture} label is.");
        }
    }

    [Fact]
    public void Render_Grid_PeopleInTheirQuadrant()
    {
        var map = SampleMaps.Small();
        var rendered = renderer.Render(map, MapPicture.Grid);
        using var pixels = new PngPixels(rendered.Png);

        AssertIn(rendered, pixels, SampleMaps.Id(1), "Manage closely");
        AssertIn(rendered, pixels, SampleMaps.Id(3), "Keep informed");
        AssertIn(rendered, pixels, SampleMaps.Id(4), "Keep satisfied");
        AssertIn(rendered, pixels, SampleMaps.Id(5), "Monitor");
        Assert.Null(rendered.Layout.Find(SampleMaps.Id(2)));

        // Top-right really is top-right.
        var manage = rendered.Layout.Regions["Manage closely"];
        Assert.True(manage.Left > rendered.Layout.Width / 2f && manage.Bottom < rendered.Layout.Height / 2f);
    }

    [Fact]
    public void Render_Onion_PeopleInTheirRing()
    {
        var map = SampleMaps.Small();
        var rendered = renderer.Render(map, MapPicture.Onion);
        using var pixels = new PngPixels(rendered.Png);
        var center = rendered.Layout.Regions["Ring 1"];

        foreach (var (id, ring) in new[] { (1, 1), (3, 2), (4, 2), (5, 3), (6, 3) })
        {
            var placed = rendered.Layout.Find(SampleMaps.Id(id))!;
            var label = placed.Label;
            var distance = Distance(placed.MarkerX - center.CenterX, placed.MarkerY - center.CenterY);
            var outer = rendered.Layout.Regions[$"Ring {ring}"].Width / 2;
            var inner = ring == 1 ? 0 : rendered.Layout.Regions[$"Ring {ring - 1}"].Width / 2;
            Assert.InRange(distance, inner, outer);
            Assert.True(pixels.InkIn(label) > 20);
        }
    }

    [Fact]
    public void Render_Raci_MarkInThePersonsColumn()
    {
        var map = SampleMaps.Small();
        var rendered = renderer.Render(map, MapPicture.Raci);
        using var pixels = new PngPixels(rendered.Png);

        foreach (var person in map.Stakeholders)
        {
            var row = rendered.Layout.Find(person.Id)!.Label;
            foreach (var column in new[] { Raci.Responsible, Raci.Accountable, Raci.Consulted, Raci.Informed })
            {
                var box = rendered.Layout.Regions[column.ToString()];
                var cell = new LabelBox(box.Left + 2, row.Top - 2, box.Width - 4, row.Height + 2);
                var expected = person.Raci == column;
                Assert.True(pixels.InkIn(cell) > 30 == expected, $"{person.Name} / {column}: expected a mark {expected}.");
            }
        }
    }

    [Fact]
    public void Render_GridWithSixtyPeople_NoLabelsOverlapAndAllInTheirCell()
    {
        var map = SampleMaps.Large();
        var rendered = renderer.Render(map, MapPicture.Grid);
        var labels = rendered.Layout.People;

        for (var i = 0; i < labels.Count; i++)
        {
            for (var j = i + 1; j < labels.Count; j++)
            {
                Assert.False(labels[i].Label.Intersects(labels[j].Label), $"{labels[i].Name} overlaps {labels[j].Name}.");
            }
        }

        Assert.Equal(map.Stakeholders.Count(s => s.IsActive), labels.Count + rendered.Layout.Overflow.Count);
        foreach (var placed in labels)
        {
            var person = map.FindById(placed.PersonId)!;
            Assert.True(GridPicture.Cell(person.Power, person.Interest).Contains(placed.Label), $"{person.Name} is outside their cell.");
        }
    }

    [Fact]
    public void Render_OnionWithSixtyPeople_EveryoneInTheirRingWithoutOverlap()
    {
        var map = SampleMaps.Large();
        var rendered = renderer.Render(map, MapPicture.Onion);
        var labels = rendered.Layout.People;
        var center = rendered.Layout.Regions["Ring 1"];

        Assert.Empty(rendered.Layout.Overflow);
        Assert.Equal(map.Stakeholders.Count(s => s.IsActive), labels.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            var ring = OnionRing.For(map.FindById(labels[i].PersonId)!.Roles);
            var distance = Distance(labels[i].MarkerX - center.CenterX, labels[i].MarkerY - center.CenterY);
            Assert.InRange(distance, ring == 1 ? 0 : rendered.Layout.Regions[$"Ring {ring - 1}"].Width / 2, rendered.Layout.Regions[$"Ring {ring}"].Width / 2);
            for (var j = i + 1; j < labels.Count; j++)
            {
                Assert.False(labels[i].Label.Intersects(labels[j].Label), $"{labels[i].Name} overlaps {labels[j].Name}.");
            }
        }
    }

    [Fact]
    public void Render_OrgWithSixtyPeople_NoBoxesOverlap()
    {
        var rendered = renderer.Render(SampleMaps.Large(), MapPicture.Org);
        var boxes = rendered.Layout.People;

        Assert.Equal(60, boxes.Count);
        for (var i = 0; i < boxes.Count; i++)
        {
            Assert.True(boxes[i].Label.Right <= rendered.Layout.Width && boxes[i].Label.Bottom <= rendered.Layout.Height);
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Label.Intersects(boxes[j].Label), $"{boxes[i].Name} overlaps {boxes[j].Name}.");
            }
        }
    }

    [Fact]
    public void Render_GridWithSixtyPeople_EveryoneFits()
    {
        var rendered = renderer.Render(SampleMaps.Large(), MapPicture.Grid);

        Assert.Empty(rendered.Layout.Overflow);
    }

    [Fact]
    public void Render_GridCellTooFull_ListsOverflow()
    {
        var map = SampleMaps.Large(200) with { };
        var crowded = map with { Stakeholders = [.. map.Stakeholders.Select(s => s with { Power = 5, Interest = 5, Status = StakeholderStatus.Active })] };

        var rendered = renderer.Render(crowded, MapPicture.Grid);

        Assert.NotEmpty(rendered.Layout.Overflow);
        Assert.Equal(200, rendered.Layout.People.Count + rendered.Layout.Overflow.Count);
    }

    [Fact]
    public void ChartFonts_MissingDirectory_NamesTheFont()
    {
        var error = Assert.Throws<FileNotFoundException>(() => new ChartFonts("/nonexistent/fonts"));

        Assert.Contains("DejaVu Sans", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/fonts/DejaVuSans.ttf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WritesSamples_WhenAsked()
    {
        // Set ACCOUNTBOT_CHART_SAMPLES=/tmp/charts to look at the pictures by eye.
        var folder = Environment.GetEnvironmentVariable("ACCOUNTBOT_CHART_SAMPLES");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        foreach (var picture in Enum.GetValues<MapPicture>())
        {
            File.WriteAllBytes(Path.Combine(folder, $"small-{picture}.png"), renderer.Render(SampleMaps.Small(), picture).Png);
            File.WriteAllBytes(Path.Combine(folder, $"large-{picture}.png"), renderer.Render(SampleMaps.Large(), picture).Png);
        }
    }

    private static float Distance(float dx, float dy) => MathF.Sqrt((dx * dx) + (dy * dy));

    private static void AssertIn(RenderedPicture rendered, PngPixels pixels, Guid id, string region)
    {
        var label = rendered.Layout.Find(id)!.Label;
        Assert.True(rendered.Layout.Regions[region].Contains(label), $"Expected in {region}.");
        Assert.True(pixels.InkIn(label) > 20, $"No ink where the label in {region} should be.");
    }
}
