using Radar.Feeds.Text;

namespace Radar.Feeds.Extraction;

/// <summary>
/// The cue words of English, French and Arabic, each with its kind. Arabic verbs are listed as
/// stems and matched with their usual suffixes (غادر → غادرت، غادروا، يغادران); the matcher already
/// tolerates the proclitics و ف ب ك ل.
/// </summary>
public static class CueLexicon
{
    private static readonly string[] ArabicSuffixes = ["", "ت", "وا", "ا", "ان", "ون", "ين", "ه", "ها", "هم", "ي", "ات", "تا", "نا"];

    private static readonly Lazy<TokenTrie<CueKind>> Shared = new(Build);

    public static TokenTrie<CueKind> Trie => Shared.Value;

    private static TokenTrie<CueKind> Build()
    {
        var trie = new TokenTrie<CueKind>();
        void Add(CueKind kind, string phrases)
        {
            foreach (var phrase in phrases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                trie.Add(phrase, kind);
            }
        }

        void Arabic(CueKind kind, string stems)
        {
            foreach (var stem in stems.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var words = stem.Split(' ');
                foreach (var suffix in ArabicSuffixes)
                {
                    trie.Add(string.Join(' ', words.Take(words.Length - 1).Append(words[^1] + suffix)), kind);
                }
            }
        }

        // English
        Add(CueKind.Depart, "leaves|leaving|left|leave|departs|departing|departed|departure|quits|quit|quitting|exits|exit|exiting|exited|ousted|fired|forced out|pushed out|is out|is out as|has left|parts ways|parted ways|walks away|walked away|is out at|steps away|stepped away|poached from|defects|defected|jumps ship|jumped ship|exiting as|is leaving|are leaving|to leave|will leave|heads for the exit|bows out|bowed out");
        Add(CueKind.StepDown, "steps down|stepping down|stepped down|step down|resigns|resigned|resigning|resignation|resign|resign from|hands over the reins|retires|retiring|retired|retirement");
        Add(CueKind.Join, "joins|joined|joining|join|moves to|moved to|moving to|heads to|headed to|jumps to|jumped to|defects to|signs with|signed with|lands at|landed at|defect|defect to|goes to|went to|is joining|are joining|has joined|have joined");
        Add(CueKind.Hire, "hires|hired|hiring|recruits|recruited|poaches|poached|taps|tapped|lures|lured|nabs|snags|brings on|brought on|acqui hires|brings back|brought back|bringing back|rehires|rehired|re hires|snaps up|snapped up|welcomes|welcomed|adds|added|brings in|brought in|bringing in|brings aboard|brought aboard|picks|picked|enlists|enlisted|lures away|poaches away|hires away|acquihires|acquires the team|appointment|appointments|taps away");
        Add(CueKind.Appoint, "appoints|appointed|names|named|promoted|promotes|will become|becomes|became|takes over|took over|to lead|to head|to run|will lead|will head|will run|as head of|new head|new chief|replaces as|takes the helm|take the helm|takes helm|at the helm|would be leading|will be leading|is leading|chosen as|picked as|tapped as|elevated to|promoted to|reinstated|reinstated as|reinstates|reinstate|reinstating|named as|is named|was named|has been named|has been appointed|to be replaced by|will be replaced by|replaced by|succeeded by|takes the reins|take the reins|takes charge|would lead|would head|would run|will oversee|would oversee|to oversee");
        Add(CueKind.Found, "founds|founded|co founds|co founded|co found|cofounded|cofounds|co founding|founding|found|starts|started|start|launches a startup|launched a startup|launches a new startup|launched a new startup|launches a new ai lab|launches a new lab|sets up|set up|among the founders of|one of the founders of|is a co founder of|is co founder of|establish|establishes|established|to establish|launching a new venture|launches a new venture|launched a new venture|creates a new startup|creates a new ai startup|creates a startup|created a startup|open own startup|opens own startup|to open own startup|forms|formed|spins out|spun out|co founded by|founded by|cofounded by");
        Add(CueKind.Return, "return|returns|returned|returning|rejoins|rejoined|rejoining|comes back|came back|is back at|back to|boomerangs|heads back to|is returning|returns as|returned as");
        Add(CueKind.Remain, "remain|remains|remained|stay|stays|stayed|still at|still work|is staying|are staying");
        Add(CueKind.Predecessor, "succeeding|succeeds|succeeded|replaces|replacing|replaced|successor to|takes the place of|in place of|predecessor");
        Add(CueKind.Descriptor, "co founder|cofounder|co founders|founder|founders|founding member|former|ex|chief scientist|chief executive|chief technology officer|chief research officer|ceo|cto|cso|president|head of|head|director|vice president|vp|researcher|research scientist|scientist|engineer|engineers|researchers|veteran|alum|alumnus|executive|lead|co lead|leader|chief|boss|exec|chair|chairman|chairwoman|cfo|coo|cpo|cmo|ciso|svp|evp|officer|manager|architect|designer|developer|professor|specialist");
        Add(CueKind.Relative, "who|whom|which");
        Add(CueKind.Toward, "for|to|at");
        Add(CueKind.Away, "from");
        Add(CueKind.Launch, "launches|launched|launch|launching|releases|released|release|releasing|unveils|unveiled|unveiling|debuts|debuted|introduces|introduced|announces|announced|ships|shipped|rolls out|rolled out|rolling out|open sources|open sourced|open sourcing|publishes|published|made available|makes available|now available|previews|previewed|goes live|went live|drops|dropped|open source|open sources|open sourced|unveil|debut|introduce|roll out|rolls out");
        Add(CueKind.Delay, "delays|delayed|delay|delaying|postpones|postponed|postponing|pushes back|pushed back|pushing back|holds back|held back|shelves|shelved|pushing its release|push back|slips|slipped");
        Add(CueKind.Comparison, "rivals|rival|rivaling|than|outperforms|outperformed|beats|competes with|compete with|competing with|versus|vs|as fast as|compared with|compared to|like|compare|compares");
        Add(CueKind.Negative, "denies|denied|deny|rumours|rumors|asking for|asks for|ask for|asked for|calls for|call for|calling for|called for|urging|urges|urged|petition|fight against|legal fight|legal battle|lawsuit|lawsuits|court case|threaten|threatens|threatened|threatening|threat to|would quit|would resign|could leave|may leave|might leave|considering|considers|weighs|mulls|no plans to|stage|mushrooms|skating|pie|recipe|macbook|model y|model s|model x|cybertruck|rocket|rockets|starship|spacecraft|satellite|satellites|launch pad|iphone|smartphone|smartphones|phone|phones|headset|headsets|glasses|cookie|cookies|departure board|departure boards|departures board|airport|airports|flight|flights|airline|departs from|departed from|departing from|missile|missiles|shuttle|car|cars|laptop|laptops|console|sneaker");
        Add(CueKind.ClauseBreak, "while|whereas|but|although|though|however|meanwhile|according to|citing|reports|reported|said in a statement");
        Add(CueKind.Oust, "ousts|sacks|sacked|fires|dismisses|dismissed|pushes out|forces out|lets go|let go of|removes|removed");
        Add(CueKind.Partner, "with|alongside|together with|along with");
        Add(CueKind.Superior, "reporting to|answering to|reports to|report to|will report to|under|reporting directly to");
        Add(CueKind.Group, "engineers|researchers|scientists|employees|staffers|staff|executives|a dozen|dozens|team members|veterans|wave of|exodus|talent|talents|brain drain|key people|top people|a handful|several");
        Add(CueKind.ModelNoun, "model|models|flagship|flagship model|llm|reasoning model|open weight model|open source model|chatbot|chatbots|ai chatbot");
        Add(CueKind.Codename, "codenamed|code named|dubbed|called|named");
        Add(CueKind.BackReference, "the researcher|the engineer|the executive|the scientist|the pioneer|the reinforcement learning pioneer|the former|he|she|the veteran|the founder|the co founder");

        Add(CueKind.Lose, "loses|lost|losing|loses another|lost another");
        Add(CueKind.Say, "said|says|told|tells|wrote|writes|announced that|confirmed that|said that|says that|told staff|told employees");
        Add(CueKind.NotACue, "a leave|on leave|leave of absence|medical leave|parental leave|sabbatical|leave it|leave them|leaves it|the leaves|left behind|left over|left out|left wing|exit interview|exit polls|exit poll|exits the market|return on|returns on|tax return|tax returns");

        // French
        Add(CueKind.Depart, "quitte|quitté|quittent|quitter|a quitté|ont quitté|départ|s en va|claque la porte|part de|partir|partent|passé par|passée par|quittait|quittera|va quitter|départs|a quitté ses fonctions|quitterait|quitteraient|aurait quitté");
        Add(CueKind.StepDown, "démissionne|démission|démissionné|se retire|quitte ses fonctions|cède sa place|abandonne ses fonctions");
        Add(CueKind.Join, "rejoint|rejoignent|rejoindre|a rejoint|ont rejoint|passe chez|file chez|débarque chez|arrive chez|s installe chez|partira chez|part chez|partent chez|rejoindrait|rejoindraient|aurait rejoint|passerait chez");
        Add(CueKind.Hire, "recrute|recruté|recrutée|recruter|embauche|embauché|embauchée|débauche|débauché|débauchée|s offre|attire|arrache|s attache les services de|fait appel à");
        Add(CueKind.Appoint, "nommé|nommée|nomme|nommés|prend la tête|prendra la tête|à la tête de|devient|deviendra|pour diriger|dirigera|prend la direction|prendra la direction|rétablit|rétabli|rétablie|réintégré|réintégrée|promu|promue|succède|remplacé par|remplacée par");
        Add(CueKind.Found, "fonde|fondé|fondée|fondent|fonder|cofonde|cofondé|cofondée|cofondent|cofonder|co fondé|co fondée|crée|créé|créée|créer|monter sa|monte sa|lance sa start up|lance sa startup|lancer sa start up|lancer sa startup|ouvre sa nouvelle startup|ouvre sa startup|ouverture de sa nouvelle startup|ouverture de sa startup|monte sa startup|fondée par|cofondée par|parmi les cofondateurs de|parmi les fondateurs de|compte parmi les cofondateurs de");
        Add(CueKind.Return, "revient|revenu|revenue|retourne|retourné|de retour|réintègre");
        Add(CueKind.Remain, "reste|restent|resté|restés|toujours chez|demeure|demeurent");
        Add(CueKind.Predecessor, "succède à|succédant à|remplace|remplaçant|en remplacement de");
        Add(CueKind.Descriptor, "cofondateur|cofondatrice|co fondateur|fondateur|fondatrice|ancien|ancienne|anciens|ex|directeur|directrice|patron|patronne|chercheur|chercheuse|chercheurs|ingénieur|ingénieurs|scientifique en chef|pdg|président|présidente|responsable");
        Add(CueKind.Relative, "qui|dont|lequel|laquelle");
        Add(CueKind.Toward, "pour|chez|vers|à");
        Add(CueKind.Launch, "lance|lancé|lancée|lancent|lancement|dévoile|dévoilé|dévoilée|présente|présenté|présentée|publie|publié|publiée|sort|sorti|sortie|met en ligne|annonce|annoncé|rend disponible|met à disposition|dévoilent|est disponible|disponible|annoncer|présenter|lancer|dévoiler|publier|fait son apparition|nouveau modèle|le nouveau modèle|nouvelle version");
        Add(CueKind.Delay, "reporte|reporté|reportée|report|retarde|retardé|retardée|repousse|repoussé|repoussée|ajourne|ajourné|retard|décale|décalé|décalée");
        Add(CueKind.Comparison, "rivalise|concurrence|face à|plus que|mieux que|meilleur que|moins que|comparé à|comme gpt|comme claude");
        Add(CueKind.Negative, "menace de|menacent de|envisage|envisagerait|dément|démenti|fusée|fusées|satellite|téléphone|smartphone|casque|lunettes|cookies|aéroport|vol|vols|tableau des départs");
        Add(CueKind.ClauseBreak, "alors que|tandis que|mais|cependant|pendant que|selon|d après|rapporte");
        Add(CueKind.Oust, "limoge|limogé|limogée|licencie|licencié|évince|évincé|écarte|remercie");
        Add(CueKind.Partner, "avec|aux côtés de");
        Add(CueKind.Superior, "rendra compte à|rend compte à|sous la direction de|sous l autorité de");
        Add(CueKind.Group, "chercheurs|ingénieurs|salariés|employés|cadres|plusieurs chercheurs");
        Add(CueKind.ModelNoun, "modèle|modèles|modele");
        Add(CueKind.Codename, "nom de code|baptisé|baptisée|nommé|nommée|appelé|appelée|dénommé");
        Add(CueKind.BackReference, "il|elle|le chercheur|la chercheuse|l ingénieur");

        Add(CueKind.NotACue, "congé|en congé|congé sabbatique");
        Add(CueKind.Lose, "perd|perdu|perdent");
        Add(CueKind.Say, "a déclaré|déclare|affirme|a affirmé|a annoncé que|annonce que|a indiqué|indique");

        // Arabic
        Arabic(CueKind.Depart, "يغادر|تغادر|غادر|مغادر|مغادره|مغادرت|المغادر|خساره|رحيل|يرحل|ترحل|رحل|خروج|يترك|تترك|ترك|يخرج|خرج|انشق|ينشق|انشقاق");
        Arabic(CueKind.StepDown, "تنحي|تنحى|يتنحى|تتنحى|استقال|استقاله|يستقيل|تستقيل|تقاعد");
        Arabic(CueKind.Join, "ينضم|تنضم|انضم|انضمام|انضمامه|انضمامها|انضمامهم|ينتقل|تنتقل|انتقل|انتقال|التحق|يلتحق|تلتحق|للانضمام|ينضمان|انضما");
        Arabic(CueKind.Lose, "تخسر|يخسر|خسرت|خسر|تفقد|يفقد|فقدت");
        Add(CueKind.Toward, "لصالح");
        Arabic(CueKind.Say, "قال|يقول|تقول|اعلن ان|اعلنت ان|اكد|اكدت|صرح");
        Arabic(CueKind.Hire, "توظف|وظف|توظيف|تستقطب|يستقطب|استقطب|استقطاب|تعين|يعين|عين|تعيين|تضم|ضمت|يضم|تعاقدت|تتعاقد|جذب|تجذب");
        Arabic(CueKind.Appoint, "لقياده|يقود|تقود|يتولى|تتولى|تولى|ليحل محل|يحل محل|رئيسا|مديرا|رئيسه|مديره|رئيسا تنفيذيا|رئيسه تنفيذيه|مديرا تنفيذيا|يخلفه|تخلفه|خلفه|ترقيه|رقي|اعاده تعيين|مشاركا مؤسسا");
        Arabic(CueKind.Found, "اسس|يؤسس|تؤسس|يؤسسان|تاسيس|شارك في تاسيس|شاركا في تاسيس|انشا|ينشئ|تنشئ|انشاء");
        Arabic(CueKind.Return, "يعود|تعود|عاد|عوده|عودت|رجع|يرجع");
        Arabic(CueKind.Oust, "اقال|يقيل|تقيل|اقاله|عزل|يعزل|تعزل|فصل|تفصل|يفصل");
        Arabic(CueKind.Remain, "بقي|يبق|يبقى|تبقى|لم يبق|لا يزال|لا تزال|ما زال|ما زالت|ظل|ظلت");
        Arabic(CueKind.Predecessor, "خلفا|خلفا ل|بدلا من|محل|محلها|محله");
        Arabic(CueKind.Descriptor, "مؤسس|مؤسسي|مؤسسو|المؤسس|الشريك المؤسس|السابق|السابقه|السابقان|السابقين|سابقا|رئيس|مدير|قائد|كبير العلماء|الباحث|الباحثه|باحث|مهندس|مهندسا|المهندس|مهندسي");
        Arabic(CueKind.Relative, "الذي|التي|الذين|اللذين|اللتين");
        Arabic(CueKind.Toward, "الى|لدى|نحو");
        Add(CueKind.Away, "من|قادما من|قادمه من");
        Arabic(CueKind.Launch, "تطلق|يطلق|اطلق|اطلاق|لاطلاق|تكشف|يكشف|كشف|كشفت|طرح|تطرح|يطرح|تصدر|يصدر|اصدر|اصدار|تتيح|اتاح|تعلن عن|اعلن عن|اعلنت عن");
        Arabic(CueKind.Group, "مهندسين|المهندسين|باحثين|الباحثين|المغادرين|مواهب|كبير باحثي|كبار|موظفين|الموظفين|خبراء|علماء|عشرات|فريق");
        Arabic(CueKind.ModelNoun, "نموذج|نموذجا|نموذجها|نموذجه|النموذج|نماذج");
        Add(CueKind.Partner, "مع");
        Arabic(CueKind.Codename, "اسم|باسم|يحمل اسم|تحت اسم");
        Add(CueKind.BackReference, "الباحث|الباحثه|المهندس|المسؤول|المدير|وكان|وكانت");
        Arabic(CueKind.Delay, "تؤجل|يؤجل|اجلت|تاجيل|تاخير|تؤخر|يؤخر|ارجاء|ترجئ|يرجئ");
        Arabic(CueKind.Comparison, "تنافس|ينافس|منافس|يتفوق|تتفوق|مقارنه|مثل");
        Arabic(CueKind.Negative, "يهدد|تهدد|هدد|يهددون|هددوا|ينفي|تنفي|نفى|نفت|يدرس|تدرس|اذا لم|صاروخ|مركبه فضائيه|قمر صناعي|هاتف|هواتف|نظارات|نظاره|سماعه|مطار|رحله جويه|رحلات");
        Arabic(CueKind.ClauseBreak, "بينما|لكن|في حين|غير ان|بحسب|وفقا|وفقا ل|حسب");
        return trie;
    }
}
