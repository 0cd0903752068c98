using System.Text;
using Microsoft.AspNetCore.Http;
using Visibility.Host.Hosting;

namespace Visibility.Integration.Tests.Access;

/// <summary>
/// The exception handler's backstop (SecuritySetup.StatusFor): a body System.Text.Json could not read is the client's
/// fault (400) wherever it was read; anything else stays a 500. Checked with the exceptions the reader really throws.
/// </summary>
public sealed class ExceptionStatusTests
{
    private static Exception ThrownReading(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
                if (reader.TokenType == JsonTokenType.String) _ = reader.GetString();
        }
        catch (Exception ex)
        {
            return ex;
        }
        throw new Xunit.Sdk.XunitException("the reader did not throw");
    }

    [Fact]
    public void Reader_errors_on_text_that_is_not_text_are_400()
    {
        var invalidUtf8 = ThrownReading([.. "{\"a\":\""u8, 0xC3, 0x28, .. "\"}"u8]);
        Assert.IsType<InvalidOperationException>(invalidUtf8);   // not a JsonException: why it reached the handler as a 500
        Assert.Equal(400, SecuritySetup.StatusFor(invalidUtf8));
        var loneSurrogate = ThrownReading(Encoding.UTF8.GetBytes("""{"a":"\ud800x"}"""));
        Assert.IsType<InvalidOperationException>(loneSurrogate);
        Assert.Equal(400, SecuritySetup.StatusFor(loneSurrogate));
        Assert.Equal(400, SecuritySetup.StatusFor(ThrownReading(Encoding.UTF8.GetBytes("{\"a\":"))));   // malformed: JsonException
    }

    [Fact]
    public void Other_failures_stay_500_and_kestrel_refusals_keep_their_status()
    {
        Assert.Equal(500, SecuritySetup.StatusFor(new InvalidOperationException("a bug")));
        Assert.Equal(500, SecuritySetup.StatusFor(new NullReferenceException()));
        Assert.Equal(413, SecuritySetup.StatusFor(new BadHttpRequestException("too large", 413)));
        Assert.Equal(400, SecuritySetup.StatusFor(new AggregateException(new BadHttpRequestException("bad chunk", 400))));
    }
}
