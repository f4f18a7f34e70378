using System.Text;
using CampaignEngine.Reports;

namespace CampaignEngine.Simulation.Tests.Reports;

public sealed class Utf8CsvWriterTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public void Fields_are_quoted_only_when_they_must_be_and_quotes_are_doubled()
    {
        var bytes = Write(64, w =>
        {
            w.Field("plain");
            w.Field("含逗号,和\"引号\"的短信");
            w.Field("two\nlines");
            w.Field("cr\r");
            w.Field("\"");
            w.Field("");
            w.EndRow();
        });

        Assert.Equal([.. Bom, .. Encoding.UTF8.GetBytes("plain,\"含逗号,和\"\"引号\"\"的短信\",\"two\nlines\",\"cr\r\",\"\"\"\",\n")], bytes);
    }

    [Fact]
    public void Numbers_and_raw_fields_are_written_as_they_are()
    {
        var bytes = Write(64, w =>
        {
            w.Field(0);
            w.Field(-1250);
            w.Field(long.MaxValue);
            w.Field("2026-03-01"u8);
            w.EndRow();
            w.Field("第二行"u8);
            w.EndRow();
        });

        Assert.Equal([.. Bom, .. Encoding.UTF8.GetBytes("0,-1250,9223372036854775807,2026-03-01\n第二行\n")], bytes);
    }

    [Fact]
    public void The_bytes_are_those_of_a_StreamWriter_with_a_UTF8_BOM_even_for_emoji_and_broken_surrogates()
    {
        string[] fields = ["您好😀", "\uD800", "a\uDC00,b", "回T退订"];
        var bytes = Write(64, w =>
        {
            foreach (var field in fields)
            {
                w.Field(field);
            }

            w.EndRow();
        });

        var expected = new MemoryStream();
        using (var writer = new StreamWriter(expected, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        {
            writer.Write("您好😀,\uD800,\"a\uDC00,b\",回T退订\n");
        }

        Assert.Equal(expected.ToArray(), bytes);
    }

    [Fact]
    public void Rows_longer_than_the_buffer_and_many_flushes_give_the_same_bytes()
    {
        var longText = string.Concat(Enumerable.Repeat("双十一大促,限时\"秒杀\"。", 40));
        void Rows(Utf8CsvWriter w)
        {
            for (var i = 0; i < 500; i++)
            {
                w.Field(i);
                w.Field(i % 7 == 0 ? longText : "短信" + i);
                w.EndRow();
            }
        }

        Assert.Equal(Write(1 << 20, Rows), Write(64, Rows));
    }

    [Fact]
    public void A_failed_write_is_thrown_once_and_disposing_afterwards_only_closes_the_stream()
    {
        var stream = new FailingStream(failAfterBytes: 0);
        var writer = new Utf8CsvWriter(stream, 64);
        writer.Field("顾客");
        writer.EndRow();

        var error = Assert.Throws<IOException>(writer.Flush);
        Assert.Equal(FailingStream.Message, error.Message);
        writer.Dispose();
        Assert.True(stream.Disposed);
    }

    private static byte[] Write(int bufferBytes, Action<Utf8CsvWriter> rows)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8CsvWriter(stream, bufferBytes))
        {
            rows(writer);
        }

        return stream.ToArray();
    }
}
