using AccountBot.Core.Accounts;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Forms;

namespace AccountBot.Core.Tests.Forms;

public sealed class StakeholderFormSchemaTests
{
    private static readonly UserRef Ana = new("U0ANA", "Ana Rep");

    [Fact]
    public void Schema_HasEveryStakeholderFieldOnce()
    {
        var ids = StakeholderFormSchema.Schema.Fields.Select(f => f.Id).ToList();

        var fields = typeof(StakeholderFields).GetFields().Select(f => (string)f.GetValue(null)!)
            .Where(f => f is not StakeholderFields.General and not StakeholderFields.MapName);
        Assert.Equal(fields.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_ChoiceFields_OfferEveryValueTheReaderAccepts()
    {
        var schema = StakeholderFormSchema.Schema;
        foreach (var field in schema.Fields.Where(f => f.Kind is FieldKind.SingleChoice or FieldKind.MultiChoice))
        {
            Assert.NotEmpty(field.Options);
            foreach (var option in field.Options)
            {
                var values = StakeholderFormReader.FromFields(new FormFields(new Dictionary<string, string?> { [field.Id] = option.Value, [StakeholderFields.Name] = "Jane" }), Ana, null);
                var (_, _, errors) = StakeholderFormReader.Read(values, new Stakeholder { Id = Guid.NewGuid(), Name = "Jane" });
                Assert.Empty(errors);
            }
        }
    }

    [Fact]
    public void FromFields_EveryField_LandsInItsValueAndFieldErrorsComeBackByField()
    {
        var reportsTo = Guid.NewGuid();
        var fields = new FormFields(new Dictionary<string, string?>
        {
            [StakeholderFields.Name] = " Jane Doe ",
            [StakeholderFields.Title] = "VP Finance",
            [StakeholderFields.ReportsTo] = reportsTo.ToString("N"),
            [StakeholderFields.Roles] = "Champion,Signer",
            [StakeholderFields.Power] = "4",
            [StakeholderFields.Interest] = "9",
            [StakeholderFields.Stance] = "Supporter",
            [StakeholderFields.NextStepDue] = "2026-03-40",
            [StakeholderFields.Notes] = string.Empty,
        });

        var values = StakeholderFormReader.FromFields(fields, Ana, null);
        var (person, _, errors) = StakeholderFormReader.Read(values, new Stakeholder { Id = Guid.NewGuid(), Name = string.Empty });

        Assert.Equal("Jane Doe", person.Name);
        Assert.Equal("VP Finance", person.Title);
        Assert.Equal(reportsTo, person.ReportsToId);
        Assert.Equal(Role.Champion | Role.Signer, person.Roles);
        Assert.Equal(4, person.Power);
        Assert.Equal(Stance.Supporter, person.Stance);
        Assert.Null(values.Notes);
        Assert.Equal([StakeholderFields.Interest, StakeholderFields.NextStepDue], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ByField_ReadBackFromFields_GivesTheSameValues()
    {
        var values = StakeholderFormReader.ForNew("Jane Doe") with
        {
            Title = "VP Finance",
            Roles = "Champion,Signer",
            ReportsToId = Guid.NewGuid().ToString(),
            NextStepDue = "2026-03-09",
            OwnerId = Ana.Id,
            OwnerName = Ana.Name,
            RelationshipNote = "Old friends",
        };

        Assert.Equal(values, StakeholderFormReader.FromFields(new FormFields(values.ByField()), Ana, null));
    }

    [Theory]
    [InlineData("U0ANA", "Ana Rep")]
    [InlineData("U0BEN", "Ben Sales")]
    [InlineData("U0CARLA", null)]
    [InlineData(null, null)]
    public void FromFields_Owner_IsNamedBySubmitterThenOpenedOwnerElseUnknown(string? owner, string? expectedName)
    {
        var fields = new FormFields(new Dictionary<string, string?> { [StakeholderFields.RelationshipOwner] = owner });

        var values = StakeholderFormReader.FromFields(fields, Ana, new UserRef("U0BEN", "Ben Sales"));

        Assert.Equal(owner, values.OwnerId);
        Assert.Equal(expectedName, values.OwnerName);
    }
}
