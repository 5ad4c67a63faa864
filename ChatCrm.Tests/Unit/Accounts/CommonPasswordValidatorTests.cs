using ChatCrm.Core.Accounts;
using ChatCrm.Core.Accounts.Passwords;
using ChatCrm.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;

namespace ChatCrm.Tests.Unit.Accounts;

/// <summary>
/// The validator as the app registers it, next to Identity's own length rule, so the tests also show which of the
/// two is responsible for what. Mail is not needed: without an SMTP host it would go to the outbox.
/// </summary>
public sealed class CommonPasswordValidatorTests : IAsyncLifetime
{
    private static readonly AppUser Person = new() { DisplayName = "Annabel Lee", Email = "annabel.lee@example.test", UserName = "poet.annabel" };

    private CoreServices _core = null!;

    public async Task InitializeAsync() => _core = await CoreServices.StartAsync();

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Theory]
    [InlineData("passwordpassword")]
    [InlineData("LeaveMeAlone")]
    [InlineData("qwerty123456")]
    public async Task RejectsACommonPassword(string password) =>
        Assert.Contains("CommonPassword", await ErrorsAsync(password));

    [Theory]
    [InlineData("password12345!")]
    [InlineData("!!Sunshine2024")]
    [InlineData("football.99999")]
    public async Task RejectsACommonPasswordPaddedWithDigitsAndSymbols(string password) =>
        Assert.Contains("CommonPassword", await ErrorsAsync(password));

    [Theory]
    [InlineData("annabel.lee2024!")]
    [InlineData("AnnabelLee123456")]
    [InlineData("poet.annabel#1")]
    public async Task RejectsAPasswordBuiltFromTheirOwnNameOrAddress(string password) =>
        Assert.Contains("CommonPassword", await ErrorsAsync(password));

    [Fact]
    public async Task LeavesShortPasswordsToIdentitysLengthRule()
    {
        var errors = await ErrorsAsync("zebra-kite");

        Assert.Contains("PasswordTooShort", errors);
        Assert.DoesNotContain("CommonPassword", errors);
    }

    [Theory]
    [InlineData("violet tractor sings at dawn")]
    [InlineData("Mossy-Lantern-Quarry-81")]
    public async Task AcceptsAGoodPassphrase(string password) => Assert.Empty(await ErrorsAsync(password));

    [Fact]
    public async Task IsRegisteredWithIdentity() =>
        Assert.Single(await _core.WithUsersAsync(users => Task.FromResult(users.PasswordValidators.OfType<CommonPasswordValidator>().ToList())));

    /// <summary>Error codes from every password validator the app's UserManager runs.</summary>
    private Task<List<string>> ErrorsAsync(string password) => _core.WithUsersAsync(async users =>
    {
        var codes = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            IdentityResult result = await validator.ValidateAsync(users, Person, password);
            codes.AddRange(result.Errors.Select(e => e.Code));
        }
        return codes;
    });
}
