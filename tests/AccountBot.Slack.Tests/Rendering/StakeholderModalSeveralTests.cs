using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Rendering;
using AccountBot.Testing.Fakes;

namespace AccountBot.Slack.Tests.Rendering;

/// <summary>The add modal's "Add several" input: on add only, multi-line, optional, with the name then optional too.</summary>
public sealed class StakeholderModalSeveralTests
{
    [Fact]
    public async Task AddModal_HasTheSeveralInput_ShortAndExpanded_EditModalDoesNot()
    {
        using var core = new CoreHarness();
        await core.SendAsync("map Acme create");
        await core.SendAsync("map Acme add Jane Doe, CFO");
        var add = (StakeholderFormView)await core.SendAsync("map Acme add");
        var edit = (StakeholderFormView)await core.SendAsync("map Acme edit Jane");
        var modals = new StakeholderModalRenderer();

        foreach (var modal in new[] { modals.Render(add, "C0DEALS"), modals.Render(add with { Expanded = true }, "C0DEALS") })
        {
            var several = Assert.Single(modal.Blocks.OfType<InputBlock>(), b => b.BlockId == StakeholderModalRenderer.SeveralBlockId);
            var input = Assert.IsType<PlainTextInputElement>(several.Element);
            Assert.Equal((StakeholderModalRenderer.SeveralBlockId, true, true), (input.ActionId, input.Multiline, several.Optional));
            Assert.Equal("Add several (one per line)", several.Label.Text);
            Assert.Contains("one person a line", several.Hint!.Text, StringComparison.Ordinal);
            // Slack would refuse the lines alone if the name stayed required.
            Assert.True(Name(modal).Optional);
        }

        // The short add modal: the schema's short fields and this one.
        Assert.Equal(StakeholderFormSchema.Schema.ShortFields.Count + 1, modals.Render(add, "C0DEALS").Blocks.OfType<InputBlock>().Count());
        foreach (var modal in new[] { modals.Render(edit, "C0DEALS"), modals.Render(edit with { Expanded = true }, "C0DEALS") })
        {
            Assert.DoesNotContain(modal.Blocks.OfType<InputBlock>(), b => b.BlockId == StakeholderModalRenderer.SeveralBlockId);
            Assert.Null(Name(modal).Optional);
        }
    }

    private static InputBlock Name(ModalView modal) => modal.Blocks.OfType<InputBlock>().Single(b => b.BlockId == "name");
}
