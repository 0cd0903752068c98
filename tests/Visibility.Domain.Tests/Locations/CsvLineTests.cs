using Visibility.Domain.Locations;

namespace Visibility.Domain.Tests.Locations;

public class CsvLineTests
{
    [Fact]
    public void Splits_plain_fields_and_keeps_empty_ones() =>
        Assert.Equal(["AD", "ALV", "", "42.5", ""], CsvLine.Split("AD,ALV,,42.5,"));

    [Fact]
    public void A_quoted_field_may_hold_commas_and_doubled_quotes() =>
        Assert.Equal(["US", "Hamburg, \"Port\" area", "x"], CsvLine.Split("US,\"Hamburg, \"\"Port\"\" area\",x"));

    [Fact]
    public void A_quoted_last_field_and_an_empty_quoted_field() =>
        Assert.Equal(["a", "", "b,c"], CsvLine.Split("a,\"\",\"b,c\""));

    [Fact]
    public void A_single_field_line() => Assert.Equal(["only"], CsvLine.Split("only"));

    [Fact]
    public void The_badly_quoted_comma_names_of_the_UN_LOCODE_file_split_into_two_fields_each() =>
        // As written in code-list-coordinates.csv for "Nagoya, Aichi" (see UnLocodeRow.TryParse).
        Assert.Equal(["JP", "NGO", "\"Nagoya", " Aichi\"", "\"Nagoya", " Aichi\"", "23", "1--45---", "35.18", "136.89", "true"],
            CsvLine.Split("JP,NGO,\"\"\"Nagoya\",\" Aichi\"\"\",\"\"\"Nagoya\",\" Aichi\"\"\",23,1--45---,35.18,136.89,true"));
}
