namespace Radar.Feeds.Extraction;

/// <summary>What a cue word says about the clause it stands in.</summary>
public enum CueKind
{
    /// <summary>leaves, quits, يغادر, quitte.</summary>
    Depart,

    /// <summary>steps down, resigns, تنحى, démissionne.</summary>
    StepDown,

    /// <summary>joins, moves to, ينضم, rejoint.</summary>
    Join,

    /// <summary>hires, poaches, recrute: the organisation before it is the destination.</summary>
    Hire,

    /// <summary>appointed, to lead, لقيادة, nommé.</summary>
    Appoint,

    /// <summary>founded, co-founded, أسس, cofondé.</summary>
    Found,

    /// <summary>returns to, يعود, revient.</summary>
    Return,

    /// <summary>remain, still at, لم يبق: the people of the clause did not move.</summary>
    Remain,

    /// <summary>succeeding, replaces, خلفا: people after it are predecessors, not subjects.</summary>
    Predecessor,

    /// <summary>co-founder, former, head of, السابق: a person's description, not an event.</summary>
    Descriptor,

    /// <summary>who, qui, الذي: what follows is background.</summary>
    Relative,

    /// <summary>for, to, إلى, chez: the destination follows.</summary>
    Toward,

    /// <summary>from, من: the origin follows.</summary>
    Away,

    /// <summary>launches, releases, open-sources, تطلق, lance.</summary>
    Launch,

    /// <summary>delays, postpones, تأجيل, reporte.</summary>
    Delay,

    /// <summary>rivals, than, تنافس: models after it are compared, not launched.</summary>
    Comparison,

    /// <summary>rockets, phones, headsets, departure boards: not our kind of launch or departure.</summary>
    Negative,

    /// <summary>while, but, بينما, alors que: a clause ends here.</summary>
    ClauseBreak,

    /// <summary>ousts, sacks, forced out, limoge, أقال: the organisation before it is the origin, the person after it leaves.</summary>
    Oust,

    /// <summary>with, alongside, avec, مع: the people after it are partners, not movers.</summary>
    Partner,

    /// <summary>reporting to, answering to, rendra compte à: the person after it is a superior, not a mover.</summary>
    Superior,

    /// <summary>engineers, researchers, chercheurs, مهندسين: a group that can move without being named.</summary>
    Group,

    /// <summary>model, flagship, modèle, نموذج: a model that can ship without being named.</summary>
    ModelNoun,

    /// <summary>codenamed, nom de code: the next word is a model's name.</summary>
    Codename,

    /// <summary>the researcher, he, she, il, elle, الباحث: the person the previous sentence named.</summary>
    BackReference,

    /// <summary>said, told, a déclaré, قال: who says it is the subject of what follows only when nobody else is named after it.</summary>
    Say,

    /// <summary>loses, perd, تخسر: the organisation before loses the person after to the one after "to" or "لصالح".</summary>
    Lose,

    /// <summary>"on leave", "leave of absence", "congé": words that contain a cue word and say nothing of a move; they only mask it.</summary>
    NotACue,
}
