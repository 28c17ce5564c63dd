using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AccountBot.Hosting;

/// <summary>
/// Data-annotation validation whose messages name the configuration key to fix
/// (<c>Coverage:StaleAfterDays</c>), not just a property of a class.
/// </summary>
internal sealed class ValidateWithKeys<TOptions>(string section, Func<TOptions, IEnumerable<string>>? extra = null) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var failures = results
            .Select(r => $"{section}:{string.Join(",", r.MemberNames)} is invalid: {r.ErrorMessage}")
            .Concat(extra?.Invoke(options) ?? [])
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
