using BalanceClients.Generation.Kiota;
using BalanceClients.Tests.Testing;
using NJsonSchema;

namespace BalanceClients.Tests.Generation.Kiota;

/// <summary>
/// The required properties the Kiota models declare (<see cref="IRequiredProperties"/>, in partial classes in src/) are exactly
/// those their spec requires and allows no null in: the ones the NSwag models mark <c>[JsonRequired]</c>.
/// </summary>
public sealed class RequiredPropertiesTests
{
    public static TheoryData<string> Providers => [.. ProviderInfo.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task KiotaModels_EveryAnswerSchema_DeclareExactlyItsRequiredNonNullProperties(string provider)
    {
        var spec = await SpecSchemas.LoadAsync(provider);
        var requestBody = spec.RequestSchemaOrNull?.ActualSchema;
        var name = char.ToUpperInvariant(provider[0]) + provider[1..];
        var models = $"BalanceClients.Generated.{name}.Kiota.Models.";

        foreach (var (schemaName, schema) in spec.Document.Components.Schemas.Where(pair => pair.Value.ActualSchema != requestBody))
        {
            var expected = schema.ActualProperties
                .Where(property => property.Value.IsRequired && !property.Value.IsNullable(SchemaType.OpenApi3))
                .Select(property => property.Key)
                .Order(StringComparer.Ordinal);
            var model = typeof(IRequiredProperties).Assembly.GetType(models + char.ToUpperInvariant(schemaName[0]) + schemaName[1..]);
            Assert.True(model is not null, $"no Kiota model for {schemaName}");
            var declared = model.IsEnum ? [] : Declared(model);

            Assert.Equal(expected, declared.Order(StringComparer.Ordinal));
        }
    }

    private static IReadOnlyCollection<string> Declared(Type model) =>
        Activator.CreateInstance(model) is IRequiredProperties required ? required.RequiredProperties : [];
}
