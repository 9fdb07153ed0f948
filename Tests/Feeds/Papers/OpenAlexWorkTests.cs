using System.Text;
using Radar.Feeds.Papers;
using Radar.Tests.Fakes;

namespace Radar.Tests.Feeds.Papers;

public sealed class OpenAlexWorkTests
{
    [Fact]
    public void AWorkGivesItsAuthorsWithBareOrcidAndRorIdsAndTheirPrintedAffiliations()
    {
        var json = OpenAlex.Work("2612.01234", "A title", "2026-12-03",
            new OpenAlex.Author("Ada Lovelace", "0000-0002-1694-233X", [new OpenAlex.Institution("Meta (United States)", "01zbnvs85")], ["Meta AI, Paris"]));

        var work = OpenAlexWork.Parse(Encoding.UTF8.GetBytes(json), "2612.01234", "2026-12-01");

        Assert.Equal(("A title", "2026-12-03"), (work.Title, work.Date));
        var author = Assert.Single(work.Authors);
        Assert.Equal(("Ada Lovelace", "0000-0002-1694-233x"), (author.Name, author.Orcid));
        Assert.Equal(new PaperInstitution("Meta (United States)", "01zbnvs85", "US"), Assert.Single(author.Institutions));
        Assert.Equal("Meta AI, Paris", Assert.Single(author.RawAffiliations));
    }

    [Theory]
    [InlineData("<html>not json</html>")]
    [InlineData("{\"results\": []}")]
    [InlineData("[1, 2]")]
    public void ABodyThatIsNotAWorkIsAFormatError(string body) =>
        Assert.Throws<FormatException>(() => OpenAlexWork.Parse(Encoding.UTF8.GetBytes(body), "2612.01234", "2026-12-01"));

    [Fact]
    public void MissingFieldsAreSkippedNotFatal()
    {
        var work = OpenAlexWork.Parse(Encoding.UTF8.GetBytes("""{"authorships":[{"author":{}},{"author":{"display_name":"Grace Hopper","orcid":null},"institutions":[{"display_name":null},{"display_name":"Yale"}]},{}]}"""), "2612.01234", "2026-12-01");

        Assert.Equal("2026-12-01", work.Date);
        var author = Assert.Single(work.Authors);
        Assert.Null(author.Orcid);
        Assert.Equal("Yale", Assert.Single(author.Institutions).Name);
    }
}
