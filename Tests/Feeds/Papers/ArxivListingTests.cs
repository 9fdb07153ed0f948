using System.Text;
using Radar.Feeds.Papers;
using Radar.Feeds.Parsing;
using Radar.Tests.Fakes;

namespace Radar.Tests.Feeds.Papers;

public sealed class ArxivListingTests
{
    [Fact]
    public void AListingGivesEachNewPaperOnceWithItsIdAndAuthorsAndSkipsReplacements()
    {
        var day = new DateTimeOffset(2026, 12, 3, 5, 0, 0, TimeSpan.Zero);
        var xml = Arxiv.Listing(day,
            new Arxiv.Paper("2612.01234", "Scaling &amp; search", "Hugo Touvron, Ada Lovelace and Grace Hopper"),
            new Arxiv.Paper("2612.01234", "Scaling & search", "Hugo Touvron"),
            new Arxiv.Paper("2611.00042", "An old one", "Alan Turing", "replace"),
            new Arxiv.Paper("2612.09999", "Cross-listed", "Émile Borel", "cross"));

        var items = ArxivListing.Read(FeedParser.Parse(Encoding.UTF8.GetBytes(xml), day).Entries);

        Assert.Equal(["2612.01234", "2612.09999"], items.Select(i => i.Id));
        Assert.Equal(["Hugo Touvron", "Ada Lovelace", "Grace Hopper"], items[0].Authors);
        Assert.Equal("https://arxiv.org/abs/2612.01234", items[0].Link);
        Assert.Equal(["Émile Borel"], items[1].Authors);
    }

    [Theory]
    [InlineData("https://arxiv.org/abs/2612.01234v2", "2612.01234")]
    [InlineData("http://arxiv.org/pdf/cs/0112017v1", "cs/0112017")]
    [InlineData("https://example.com/2612.01234", null)]
    public void TheIdIsReadFromTheLinkWithoutItsVersion(string link, string? id) =>
        Assert.Equal(id, ArxivListing.Id(new Radar.Feeds.Model.FeedEntry("x", link, "t", "s", null, "en")));
}
