using Visibility.Domain.Inventory;
using Visibility.Domain.Validation;

namespace Visibility.Domain.Tests.Inventory;

public class BufferParametersTests
{
    private static readonly BufferParameters Valid = new("8542.31.00", null, 20, 0.5, 0.5, 1000, 7, 1200, 800);

    private static (BufferParameters? Result, IDictionary<string, string[]> Errors) Validate(BufferParameters p)
    {
        var errors = new ValidationErrors();
        var result = p.Validate(errors);
        return (result, errors.ToDictionary());
    }

    [Fact]
    public void Valid_parameters_come_back_with_the_hs_code_as_digits()
    {
        var (result, errors) = Validate(Valid);
        Assert.Empty(errors);
        Assert.Equal(Valid with { HsCode = "85423100" }, result);
    }

    public static TheoryData<BufferParameters, string> Invalid => new()
    {
        { Valid with { HsCode = "8542" }, "hsCode" },
        { Valid with { HsCode = "8542.31.00.001" }, "hsCode" },
        { Valid with { HsCode = "8542-31" }, "hsCode" },
        { Valid with { HsCode = ".854231" }, "hsCode" },
        { Valid with { HsCode = null! }, "hsCode" },
        { Valid with { Adu = -1 }, "adu" },
        { Valid with { Adu = double.NaN }, "adu" },
        { Valid with { DltDays = 0 }, "dltDays" },
        { Valid with { DltDays = 366 }, "dltDays" },
        { Valid with { DltDays = double.PositiveInfinity }, "dltDays" },
        { Valid with { LeadTimeFactor = 0 }, "leadTimeFactor" },
        { Valid with { LeadTimeFactor = 1.01 }, "leadTimeFactor" },
        { Valid with { VariabilityFactor = -0.1 }, "variabilityFactor" },
        { Valid with { VariabilityFactor = 1.5 }, "variabilityFactor" },
        { Valid with { Moq = -1 }, "moq" },
        { Valid with { Moq = 2e9 }, "moq" },
        { Valid with { OrderCycleDays = -1 }, "orderCycleDays" },
        { Valid with { OrderCycleDays = 400 }, "orderCycleDays" },
        { Valid with { OnHand = -5 }, "onHand" },
        { Valid with { OnHand = double.NaN }, "onHand" },
        { Valid with { OpenOrders = -1 }, "openOrders" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_invalid_field_is_reported_by_its_json_name(BufferParameters p, string field)
    {
        var (result, errors) = Validate(p);
        Assert.Null(result);
        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData("854231", "854231")]
    [InlineData("8542.31", "854231")]
    [InlineData("8542.31.0001", "8542310001")]
    public void Hs_codes_accept_dotted_and_plain_forms(string input, string digits)
    {
        Assert.True(HsCodes.TryNormalize(input, out string normalized, out _));
        Assert.Equal(digits, normalized);
    }

    [Fact]
    public void Boundary_values_are_accepted_and_a_path_prefixes_field_names()
    {
        var edge = new BufferParameters("854231", 0, 365, 0.01, 0, 0, 0, 0, 0);
        Assert.NotNull(Validate(edge).Result);
        var errors = new ValidationErrors();
        (Valid with { Moq = -1 }).Validate(errors, "[3].");
        Assert.Equal(["[3].moq"], errors.ToDictionary().Keys);
    }
}
