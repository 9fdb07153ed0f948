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
}
