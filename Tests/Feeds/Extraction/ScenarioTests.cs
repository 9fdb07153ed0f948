using Radar.Feeds.Extraction;
using Radar.Feeds.Knowledge;

namespace Radar.Tests.Feeds.Extraction;

/// <summary>Phrasings beyond the dev set, written for these tests: the capability, not the wording.</summary>
public sealed class ScenarioTests
{
    private static readonly EventExtractor Extractor = new(SeedKnowledge.Load());

    [Theory]
    [InlineData("OpenAI co-founder John Schulman leaves for Anthropic", "", "John Schulman", "OpenAI", "Anthropic")]
    [InlineData("Anthropic hires former OpenAI researcher Jerry Tworek", "", "Jerry Tworek", "OpenAI", "Anthropic")]
    [InlineData("Apple's head of foundation models Ruoming Pang departs for Meta", "", "Ruoming Pang", "Apple", "Meta")]
    [InlineData("Meta names Alexandr Wang chief AI officer", "The Scale AI founder will lead Meta Superintelligence Labs.", "Alexandr Wang", "Scale AI", "Meta")]
    [InlineData("Barret Zoph and Luke Metz return to OpenAI from Thinking Machines", "", "Barret Zoph", "Thinking Machines Lab", "OpenAI")]
    [InlineData("Noam Shazeer leaves Google for OpenAI", "", "Noam Shazeer", "Google", "OpenAI")]
    [InlineData("Microsoft poaches Google DeepMind's Amar Subramanya", "", "Amar Subramanya", "Google DeepMind", "Microsoft")]
    [InlineData("Former Google researcher Jane Doe joins xAI", "", "Jane Doe", "Google", "xAI")]
    [InlineData("Joelle Pineau rejoint Cohere comme directrice scientifique", "L'ancienne responsable du laboratoire FAIR de Meta rejoint la start-up canadienne.", "Joelle Pineau", "Meta", "Cohere")]
    [InlineData("إيليا سوتسكيفر يغادر أوبن إيه آي", "أعلن كبير العلماء رحيله عن الشركة بعد نحو عشر سنوات.", "Ilya Sutskever", "OpenAI", null)]
    [InlineData("يان لوكون يغادر ميتا لتأسيس شركة ناشئة", "", "Yann LeCun", "Meta", null)]
    [InlineData("جون شولمان ينتقل من أوبن إيه آي إلى أنثروبيك", "", "John Schulman", "OpenAI", "Anthropic")]
    [InlineData("ميرا موراتي تؤسس شركة ثينكنغ ماشينز لاب", "غادرت المديرة التقنية السابقة لأوبن إيه آي الشركة العام الماضي.", "Mira Murati", "OpenAI", "Thinking Machines Lab")]
    [InlineData("Google DeepMind's John Jumper joins Anthropic", "", "John Jumper", "Google DeepMind", "Anthropic")]
    [InlineData("Anthropic poaches DeepMind's Neil Houlsby", "Houlsby will build a new office in Zurich.", "Neil Houlsby", "Google DeepMind", "Anthropic")]
    [InlineData("L'ex-directeur scientifique d'OpenAI Ilya Sutskever fonde Safe Superintelligence", "", "Ilya Sutskever", "OpenAI", "Safe Superintelligence Inc.")]
    [InlineData("David Silver quitte Google DeepMind pour lancer Ineffable Intelligence", "", "David Silver", "Google DeepMind", "Ineffable Intelligence")]
    [InlineData("Meta hires OpenAI researcher Shengjia Zhao as chief scientist of its superintelligence lab", "", "Shengjia Zhao", "OpenAI", "Meta")]
    [InlineData("Apple's AI chief John Giannandrea to step down", "He led machine learning at Apple since 2018.", "John Giannandrea", "Apple", null)]
    [InlineData("Soumith Chintala, PyTorch co-creator, leaves Meta", "", "Soumith Chintala", "Meta", null)]
    [InlineData("Jan Leike was hired by Anthropic", "", "Jan Leike", null, "Anthropic")]
    [InlineData("عينت ميتا ألكسندر وانغ رئيسا لمختبرات الذكاء الفائق", "", "Alexandr Wang", null, "Meta")]
    [InlineData("Meta recrute Ruoming Pang, ancien responsable des modèles chez Apple", "", "Ruoming Pang", "Apple", "Meta")]
    [InlineData("Yann LeCun va quitter Meta pour créer sa start-up", "", "Yann LeCun", "Meta", null)]
    // Real journalism's constructions, one each: a title before a name, "lures away X's chief", a reinstated
    // CEO, a description in an apposition or a relative clause, an announcer who does not move, a
    // verb-first Arabic appointment of a name nobody knows.
    [InlineData("L'ancien patron de Dropbox Jean Martin rejoint Mistral AI", "", "Jean Martin", "Dropbox", "Mistral AI")]
    [InlineData("Anthropic lures away Cohere's chief scientist", "Marta Ruiz, who led Cohere's research for three years, will start in January.", "Marta Ruiz", "Cohere", "Anthropic")]
    [InlineData("OpenAI reinstates Sam Altman as CEO", "", "Sam Altman", null, "OpenAI")]
    [InlineData("Former Uber CTO joins robotics start-up Figure", "Raquel Urtasun, the former Uber CTO, is joining Figure AI as chief technology officer.", "Raquel Urtasun", "Uber", "Figure AI")]
    [InlineData("Tesla's Optimus lead heads to Meta", "Milan Kovac, who ran Tesla's humanoid robot program, has joined Meta.", "Milan Kovac", "Tesla", "Meta")]
    [InlineData("Meta CEO Mark Zuckerberg announced that Alexandr Wang will lead the new superintelligence lab", "", "Alexandr Wang", null, "Meta")]
    [InlineData("Mistral AI nomme Paul Durand, ancien de Google, à la tête de sa recherche", "", "Paul Durand", "Google", "Mistral AI")]
    [InlineData("تعيين ليلى مراد رئيسة تنفيذية لشركة ميسترال", "", "ليلى مراد", null, "Mistral AI")]
    [InlineData("Google DeepMind loses another Gemini researcher to Microsoft", "Marcus Feld has joined Microsoft AI.", "Marcus Feld", "Google DeepMind", "Microsoft")]
    public void ReadsMoves(string title, string summary, string person, string? from, string? to)
    {
        var result = Extractor.Extract(title, summary);

        Assert.Contains(Topic.Talent, result.Topics);
        Assert.Contains(new Move(person, from, to), result.Moves);
    }

    [Theory]
    [InlineData("Mistral AI releases Mistral Large 2", "Mistral Large 2", EventKind.ModelLaunch)]
    [InlineData("Google DeepMind unveils Gemini 2.5 Pro", "Gemini 2.5 Pro", EventKind.ModelLaunch)]
    [InlineData("أوبن إيه آي تطلق نموذج GPT-5", "GPT-5", EventKind.ModelLaunch)]
    [InlineData("DeepSeek delays the launch of DeepSeek R2", "DeepSeek R2", EventKind.ModelDelay)]
    [InlineData("Meta reporte la sortie de son modèle Behemoth", "Llama 4 Behemoth", EventKind.ModelDelay)]
    [InlineData("OpenAI open-sources gpt-oss-120b and o3-mini", "o3-mini", EventKind.ModelLaunch)]
    [InlineData("Alibaba's Qwen team releases Qwen3-Coder", "Qwen3-Coder", EventKind.ModelLaunch)]
    [InlineData("Mistral AI dévoile Devstral, un modèle pour les développeurs", "Devstral", EventKind.ModelLaunch)]
    [InlineData("جوجل تكشف عن Gemini 2.5 Pro", "Gemini 2.5 Pro", EventKind.ModelLaunch)]
    [InlineData("Meta pushes back Behemoth launch to fall", "Llama 4 Behemoth", EventKind.ModelDelay)]
    public void ReadsLaunchesAndDelays(string title, string model, EventKind type)
    {
        var result = Extractor.Extract(title, string.Empty);

        Assert.Equal([Topic.Launches], result.Topics);
        Assert.Contains(result.Events, e => e.Type == type && e.Model == model);
    }

    [Theory]
    [InlineData("SpaceX launches Starship on its latest test flight", "The rocket lifted off from Texas.")]
    [InlineData("Meta ships a new Quest headset", "The headset launches next month.")]
    [InlineData("The departure board at Heathrow now shows AI-generated delay forecasts", "Travellers will see estimated delays.")]
    [InlineData("Apple launches iPhone 17 with new AI features", "The phone ships in September.")]
    [InlineData("The new model departs from the transformer architecture", "Researchers say it leaves attention behind.")]
    [InlineData("Nvidia's stock leaves investors cheering as AI demand climbs", "")]
    [InlineData("La nouvelle architecture du modèle s'éloigne des transformers", "")]
    [InlineData("إطلاق صاروخ جديد من قاعدة فضائية", "")]
    [InlineData("Amazon launches new Kindle", "")]
    [InlineData("Joelle Pineau speaks at NeurIPS about open science", "")]
    [InlineData("OpenAI's former CTO Mira Murati raises $2 billion for Thinking Machines Lab", "")]
    public void StaysQuietOnLookAlikes(string title, string summary) => Assert.Empty(Extractor.Extract(title, summary).Topics);

    [Fact]
    public void NamesPeopleInCanonicalLatinSpellingWhateverTheScript()
    {
        var result = Extractor.Extract("جويل بينو تتنحى عن قيادة مختبر FAIR", string.Empty);

        Assert.Equal(["Joelle Pineau"], result.People);
        Assert.Equal(["Meta"], result.Orgs);
    }
}
