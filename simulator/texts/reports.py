"""The trainers' reports: one game and a class."""

from __future__ import annotations

# key: (English, Simplified Chinese)
STRINGS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- trainer's reports
    "report.title": ("Game report: {title}", "对局报告：{title}"),
    "report.meta": (
        "Player {player} · seed {seed} · {weeks} of {total} weeks played · "
        "scenario version {version} · saved {saved}",
        "玩家 {player} · 随机种子 {seed} · 已进行 {weeks}/{total} 周 · "
        "场景版本 {version} · 保存于 {saved}",
    ),
    "report.season": ("The season", "整个赛季"),
    "report.timeline": ("Week by week", "逐周回顾"),
    "report.target": ("target", "目标"),
    "report.week": ("week", "周"),
    "report.millions": ("millions", "百万"),
    "report.mood": ("mood", "情绪"),
    "report.mood_seen": ("team mood as you read it", "你观察到的团队情绪"),
    "report.mood_true": ("true engagement", "真实敬业度"),
    "report.headcount": ("headcount", "人数"),
    "report.people_chart": ("The team: mood and headcount", "团队：情绪与人数"),
    "report.pipe_shown": ("funnel value as reported", "汇报的漏斗金额"),
    "report.pipe_true": ("funnel value as it truly was", "真实的漏斗金额"),
    "report.unhealthy": ("stalled or dead deals (%)", "停滞或无望项目（%）"),
    "report.unhealthy_short": ("unhealthy", "不健康"),
    "report.pipeline_chart": ("The funnel: reported against true", "漏斗：汇报与真实"),
    "report.cap_revenue": (
        "Cumulative revenue: yours, the target's, and the same seed played by the book.",
        "累计收入：你的、目标的、以及同一随机种子下按手册管理的结果。",
    ),
    "report.cap_people": (
        "The team's mood as you read it each week, its true engagement, and the headcount.",
        "每周你观察到的团队情绪、真实敬业度和人数。",
    ),
    "report.cap_pipeline": (
        "What the funnel was said to be worth against what it was, "
        "and how much of it was stalled or dead.",
        "漏斗的汇报价值与真实价值，以及停滞或无望项目的占比。",
    ),
    "report.did": ("What you did", "你做了什么"),
    "report.revenue_col": ("Revenue to date", "累计收入"),
    "report.pipeline_col": ("Funnel", "漏斗"),
    "report.happened": ("What happened", "发生了什么"),
    "report.more": ("{n} more", "还有 {n} 条"),
    "report.refused_n": ("{n} refused", "{n} 项被拒"),
    "report.players": ("players", "学员"),
    "report.distribution": ("How the group scored", "学员得分分布"),
    "report.grid": ("Lessons by player", "各学员的经验教训"),
    "class.title": ("Class report: {title}", "班级报告：{title}"),
    "class.meta": ("{n} players · scenario version {version}", "{n} 名学员 · 场景版本 {version}"),
    "class.league": ("League table", "排行榜"),
    "class.rank": ("#", "名次"),
    "class.player": ("Player", "学员"),
    "class.followed": ("Lessons followed", "做到的课"),
    "class.left": ("Left", "离职"),
    "class.attainment": ("Revenue ÷ target", "收入 ÷ 目标"),
    "class.report": ("report", "报告"),
    "class.group_missed": ("Lessons the group missed", "全班没做到的课"),
    "class.group_missed_line": (
        "{lesson}: missed by {missed} and partly followed by {partly} of {n} players",
        "{lesson}：{n} 人中 {missed} 人没做到，{partly} 人部分做到",
    ),
    "class.none_missed": (
        "No lesson was missed by half the group or more.",
        "没有一课被半数以上学员错过。",
    ),
    "class.mistakes": ("The most common mistakes", "最常见的错误"),
    "class.mistake_line": (
        "{players} of {n} players, {times} times in all — for example: {example}",
        "{n} 人中有 {players} 人，共 {times} 次——例如：{example}",
    ),
    "class.no_mistakes": (
        "No mistake was common to two players or more.",
        "没有两人以上共同的错误。",
    ),
    "class.mixed": (
        "these saves are of different scenarios: {a} and {b}; a class report needs one scenario",
        "这些存档属于不同场景：{a} 与 {b}；班级报告只能针对同一场景",
    ),
    "replay.title": ("Replay: {title}", "回放：{title}"),
    "replay.read_only": ("read-only", "只读"),
    "replay.first": ("The first week (Home)", "第一周（Home 键）"),
    "replay.back": ("The week before (←)", "前一周（← 键）"),
    "replay.next": ("The week after (→)", "后一周（→ 键）"),
    "replay.last": ("The last week played (End)", "最后一周（End 键）"),
    "replay.did": ("What you did this week", "你本周做了什么"),
    "replay.nothing_done": ("Nothing: the week ran on its own.", "什么也没做：这一周自行运转。"),
    "replay.happened": ("What happened", "发生了什么"),
}
