using Visibility.Domain.Locations;

namespace Visibility.Domain.Tests.Locations;

public class SearchTextTests
{
    [Theory]
    [InlineData("Lázaro Cárdenas", "lazaro cardenas")]
    [InlineData("Göteborg", "goteborg")]
    [InlineData("Ciudad Juárez", "ciudad juarez")]
    [InlineData("Gdańsk", "gdansk")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Ålesund / Ørsta", "alesund orsta")]
    [InlineData("Straße", "strasse")]
    [InlineData("  O'Hare  Apt/Chicago ", "o hare apt chicago")]
    [InlineData("shanghai", "shanghai")]
    [InlineData("", "")]
    public void Folds_case_accents_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, SearchText.Fold(input));
}
