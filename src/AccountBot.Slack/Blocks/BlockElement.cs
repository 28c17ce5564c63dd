using System.Text.Json.Serialization;

namespace AccountBot.Slack.Blocks;

/// <summary>An interactive element (or image) inside a section, actions or input block.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(ButtonElement))]
[JsonDerivedType(typeof(StaticSelectElement))]
[JsonDerivedType(typeof(MultiStaticSelectElement))]
[JsonDerivedType(typeof(ExternalSelectElement))]
[JsonDerivedType(typeof(UsersSelectElement))]
[JsonDerivedType(typeof(DatePickerElement))]
[JsonDerivedType(typeof(PlainTextInputElement))]
[JsonDerivedType(typeof(NumberInputElement))]
[JsonDerivedType(typeof(CheckboxesElement))]
[JsonDerivedType(typeof(RadioButtonsElement))]
[JsonDerivedType(typeof(OverflowElement))]
[JsonDerivedType(typeof(ImageElement))]
public abstract record BlockElement
{
    [JsonPropertyOrder(-2)]
    public abstract string Type { get; }
}
