using System.Text;
using Radar.Feeds.Knowledge;
using Radar.Feeds.Papers;
using Radar.Tests.Fakes;

namespace Radar.Tests.Feeds.Papers;

/// <summary>The rule that reads moves from new papers' affiliations, against the seed knowledge (Epoch AI's author lists).</summary>
public sealed class PaperReaderTests
{
    private static readonly OpenAlex.Institution Meta = new("Meta (United States)");
    private static readonly OpenAlex.Institution Thinking = new("Thinking Machines Lab (United States)", "05tml0001");
    private static readonly OpenAlex.Institution Toronto = new("University of Toronto", "03dbr7087", "CA");

    private static PaperReading Read(params OpenAlex.Author[] authors) => Read(SeedKnowledge.Load(), authors);

    private static PaperReading Read(KnowledgeBase knowledge, params OpenAlex.Author[] authors) =>
        PaperReader.Read(OpenAlexWork.Parse(Encoding.UTF8.GetBytes(OpenAlex.Work("2612.01234", "Scaling test-time search", "2026-12-03", authors)), "2612.01234", "2026-12-03"), knowledge);

    [Fact]
    public void AKnownMetaAuthorOnAPaperFromAnotherLabIsAMoveFromMeta()
    {
        var reading = Read(new OpenAlex.Author("Abhinav Jauhri", Institutions: [Thinking]));

        var move = Assert.Single(reading.Moves);
        Assert.Equal(("Abhinav Jauhri", "Meta", "Thinking Machines Lab"), (move.Person, move.From, move.To));
        Assert.Equal("Abhinav Jauhri: Meta → Thinking Machines Lab (inferred from arXiv:2612.01234, 2026-12-03)", move.Title);
        Assert.Empty(reading.NewOrganisations); // Thinking Machines Lab is known by name
    }

    [Fact]
    public void TheSameCompanyUnderAnotherNameOrUnitIsNoMove()
    {
        var reading = Read(
            new OpenAlex.Author("Abhishek Kadian", Institutions: [Meta]),
            new OpenAlex.Author("Alan Schelten", Institutions: [new OpenAlex.Institution("Facebook AI Research")]));

        Assert.Empty(reading.Moves);
        Assert.All(reading.Authors, a => Assert.Equal(AuthorOutcome.Unchanged, a.Outcome));
    }

    [Fact]
    public void ACommonNameIsAmbiguousUnlessAPastCoAuthorSignsTooAndAnUnknownNameIsNobody()
    {
        var alone = Read(new OpenAlex.Author("Rui Wang", Institutions: [Thinking]), new OpenAlex.Author("Jane Nobody", Institutions: [Thinking]));
        var withCoAuthor = Read(new OpenAlex.Author("Rui Wang", Institutions: [Thinking]), new OpenAlex.Author("Aiesha Letman", Institutions: [Meta]));

        Assert.Empty(alone.Moves);
        Assert.Equal([AuthorOutcome.Ambiguous, AuthorOutcome.Unknown], alone.Authors.Select(a => a.Outcome));
        Assert.Equal("Rui Wang", Assert.Single(withCoAuthor.Moves).Person); // Aiesha Letman and Rui Wang signed Llama 3.1 together
    }

    [Fact]
    public void AJointAffiliationIsNotAMove()
    {
        var reading = Read(new OpenAlex.Author("Angela Fan", Institutions: [Meta, Toronto]));

        Assert.Empty(reading.Moves);
        var finding = Assert.Single(reading.Authors);
        Assert.Equal(AuthorOutcome.Joint, finding.Outcome);
        Assert.True(finding.Appears);
        Assert.Equal(2, finding.OrgIds.Count);
    }

    [Fact]
    public void AVisitOrAnInternshipIsNotAMoveButTheNextPaperWithoutItIs()
    {
        var visit = Read(new OpenAlex.Author("Aiesha Letman", Institutions: [Toronto], Raw: ["Visiting researcher, University of Toronto, Canada"]));
        var intern = Read(new OpenAlex.Author("Aiesha Letman", Institutions: [Meta, Thinking], Raw: ["Meta, Menlo Park", "Work done during an internship at Thinking Machines Lab"]));
        var later = Read(new OpenAlex.Author("Aiesha Letman", Institutions: [Toronto]));

        Assert.Equal(AuthorOutcome.Visiting, Assert.Single(visit.Authors).Outcome);
        Assert.Empty(visit.Moves);
        Assert.Equal(AuthorOutcome.Unchanged, Assert.Single(intern.Authors).Outcome);
        Assert.Equal("University of Toronto", Assert.Single(later.Moves).To);
    }

    [Fact]
    public void AnOrcidLearntFromAnEarlierPaperNamesThePersonUnderAChangedDisplayName()
    {
        var seed = SeedKnowledge.Load();
        var schelten = seed.PeopleNamed("Alan Schelten").Single();
        var knowledge = new KnowledgeBase(seed.Entities.Select(e => e.Id == schelten.Id ? e with { Orcid = "0000-0002-1825-0097" } : e), seed.Families);

        var reading = Read(knowledge, new OpenAlex.Author("A. J. Schelten-Müller", "0000-0002-1825-0097", [Thinking]));
        var withoutOrcid = Read(knowledge, new OpenAlex.Author("A. J. Schelten-Müller", Institutions: [Thinking]));

        Assert.Equal(schelten.Id, Assert.Single(reading.Moves).PersonId);
        Assert.Equal(AuthorOutcome.Unknown, Assert.Single(withoutOrcid.Authors).Outcome);
    }

    [Fact]
    public void AnUnknownInstitutionIsLearntWithItsRorIdAndFoundByItNextTime()
    {
        var lab = new OpenAlex.Institution("Nouvelle Intelligence SAS (France)", "0abcd1234", "FR");
        var reading = Read(new OpenAlex.Author("Abhinav Jauhri", Institutions: [lab]));

        var org = Assert.Single(reading.NewOrganisations);
        Assert.Equal(("Nouvelle Intelligence SAS", "0abcd1234", "https://ror.org/0abcd1234"), (org.Name, org.Ror, org.Source));
        Assert.Equal(org.Id, Assert.Single(reading.Moves).ToOrgId);

        var seed = SeedKnowledge.Load();
        var knowledge = new KnowledgeBase(seed.Entities.Append(org), seed.Families);
        var renamed = Read(knowledge, new OpenAlex.Author("Abhinav Jauhri", Institutions: [lab with { Name = "NI Research" }]));
        Assert.Empty(renamed.NewOrganisations);
        Assert.Equal(org.Id, Assert.Single(renamed.Moves).ToOrgId);
    }

    [Fact]
    public void APaperOlderThanThePersonsLatestEvidenceIsNotAMove()
    {
        var work = OpenAlexWork.Parse(Encoding.UTF8.GetBytes(OpenAlex.Work("2101.00001", "Old", "2021-01-05", new OpenAlex.Author("Abhinav Jauhri", Institutions: [Thinking]))), "2101.00001", "2021-01-05");

        var reading = PaperReader.Read(work, SeedKnowledge.Load());

        Assert.Empty(reading.Moves);
        Assert.Equal(AuthorOutcome.FirstSeen, Assert.Single(reading.Authors).Outcome);
    }
}
