"""The model's vocabulary: types, skills, stages, pools, hints, the scorecard's rules."""

from __future__ import annotations

# key: (English, Simplified Chinese)
STRINGS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- model vocabulary
    "type.competitor": ("competitor", "竞争型"),
    "type.achiever": ("achiever", "成就型"),
    "type.ego_driven": ("ego-driven", "自我型"),
    "type.service": ("service", "服务型"),
    "skill.prospecting": ("prospecting", "开发客户"),
    "skill.solution": ("solution", "方案"),
    "skill.negotiation": ("negotiation", "谈判"),
    "skill.account_care": ("account care", "客户维护"),
    "stage.0": ("qualification", "资格确认"),
    "stage.1": ("technical exchange", "技术交流"),
    "stage.2": ("solution", "方案"),
    "stage.3": ("evaluation", "评估"),
    "stage.4": ("negotiation", "商务谈判"),
    "stage.5": ("signing", "签约"),
    "stage_short.0": ("Qual.", "资格"),
    "stage_short.1": ("Tech.", "技术"),
    "stage_short.2": ("Sol.", "方案"),
    "stage_short.3": ("Eval.", "评估"),
    "stage_short.4": ("Neg.", "谈判"),
    "stage_short.5": ("Sign", "签约"),
    "pool.presales": ("pre-sales", "售前"),
    "pool.consultant": ("consultant", "顾问"),
    "pool.executive": ("executive", "高管"),
    "pool.legal": ("legal/finance", "法务/财务"),
    "sup.none": ("no supervision", "不监督"),
    "sup.light": ("light supervision", "适度监督"),
    "sup.tight": ("tight supervision", "严密监督"),
    "task.pipeline_review": ("pipeline reviews", "漏斗审查"),
    "task.key_accounts": ("key accounts", "大客户"),
    "task.onboarding": ("onboarding", "新人带教"),
    "task.one_on_ones": ("the team's 1:1s", "团队的一对一面谈"),
    "hint.asked_who_is_top": ("asked who is top of the board", "问谁排第一"),
    "hint.wants_leaderboard": ("wants a leaderboard", "想要排行榜"),
    "hint.talks_about_beating_rival": ("talks about beating a rival", "谈论要打败对手"),
    "hint.keeps_score_of_wins": ("keeps score of wins", "记着自己赢了多少单"),
    "hint.hates_losing_deal": ("hates losing a deal", "非常讨厌丢单"),
    "hint.set_own_higher_target": ("set a higher target of their own", "给自己定了更高的目标"),
    "hint.asked_for_harder_goal": ("asked for a harder goal", "要求更难的目标"),
    "hint.wants_to_learn_new_skill": ("wants to learn a new skill", "想学新技能"),
    "hint.asked_about_management_track": (
        "asked about the management track",
        "询问管理晋升通道",
    ),
    "hint.dislikes_reporting_detail": ("dislikes detailed reporting", "不喜欢繁琐的汇报"),
    "hint.mentioned_praise_from_boss": ("mentioned the boss's praise", "提起老板的表扬"),
    "hint.wants_title": ("wants a title", "想要头衔"),
    "hint.tells_war_stories": ("tells war stories", "爱讲自己的战绩"),
    "hint.offers_to_teach_juniors": ("offers to teach juniors", "主动提出带新人"),
    "hint.upset_when_overlooked": ("upset when overlooked", "被忽视时不高兴"),
    "hint.fixed_customer_problem": ("fixed a customer's problem", "帮客户解决了问题"),
    "hint.talks_about_customer_loyalty": ("talks about customer loyalty", "谈论客户忠诚度"),
    "hint.uneasy_with_hard_closing": ("uneasy with hard closing", "不喜欢强行逼单"),
    "hint.remembers_customer_birthdays": ("remembers customers' birthdays", "记得客户的生日"),
    "hint.prefers_existing_accounts": ("prefers existing accounts", "更喜欢维护老客户"),
    # the scorecard's rules (the English must match simulator/scoring.py: a test checks)
    "formula.revenue": (
        "90 × min(1, R / T) + 50 × max(0, min(0.2, R / T − 1)); meeting the target earns 90, "
        "beating it earns the rest, up to 120%",
        "90 × min(1, R / T) + 50 × max(0, min(0.2, R / T − 1))；R = 收入，T = 目标；"
        "完成目标得 90 分，超额部分最多计到 120%",
    ),
    "formula.engagement": (
        "100 × (Ē − 0.30) / 0.50, clipped to 0..100; Ē = mean weekly team engagement",
        "100 × (Ē − 0.30) / 0.50，限定在 0..100；Ē = 团队每周平均敬业度",
    ),
    "formula.attrition": (
        "100 × (1 − 2 × L / N); L = resignations + performers let go, N = starting team",
        "100 × (1 − 2 × L / N)；L = 辞职人数 + 被辞退的骨干，N = 初始团队人数",
    ),
    "formula.skills": (
        "50 + 400 × G; G = each rep's skill growth since they started, weighted by their "
        "weeks on the team",
        "50 + 400 × G；G = 每位销售自入职以来的技能增长，按在队周数加权",
    ),
    "formula.trust": (
        "70 × min(1, T_end / 0.9) + 30 × K / (K + B); K, B = promises kept, broken "
        "(the share counts as 1 with none made)",
        "70 × min(1, T_end / 0.9) + 30 × K / (K + B)；"
        "K、B = 兑现、违背的承诺数（未作承诺时按 1 计）",
    ),
    "formula.pipeline": (
        "60 × (1 − Ū) + 40 × min(1, max(0, (0.30 − Q) / 0.20)); Ū = mean share of open deals "
        "stalled ≥ 15 days or dead; Q = mean squared gap between the last win chance you were "
        "shown for a deal and how it ended (won 1, lost or dropped 0)",
        "60 × (1 − Ū) + 40 × min(1, max(0, (0.30 − Q) / 0.20))；"
        "Ū = 停滞 15 天以上或已无望项目的平均占比；"
        "Q = 项目结束前你最后看到的赢率与结果（赢单为 1，丢单或放弃为 0）之差的平方的平均",
    ),
    "formula.customers": (
        "100 × min(1, H_end / 0.6); H = potential-weighted mean relationship "
        "(a lost customer counts 0)",
        "100 × min(1, H_end / 0.6)；H = 按潜力加权的平均客户关系（流失客户计 0）",
    ),
    # the scorecard's working: each rule with this game's numbers put in
    "work.revenue": (
        "90 × min(1, {R} / {T}) + 50 × max(0, min(0.2, {R} / {T} − 1)) = {v}",
        "90 × min(1, {R} / {T}) + 50 × max(0, min(0.2, {R} / {T} − 1)) = {v}",
    ),
    "work.engagement": (
        "100 × ({E_mean} − 0.30) / 0.50 = {v}",
        "100 × ({E_mean} − 0.30) / 0.50 = {v}",
    ),
    "work.attrition": ("100 × (1 − 2 × {L} / {N}) = {v}", "100 × (1 − 2 × {L} / {N}) = {v}"),
    "work.skills": ("50 + 400 × {G} = {v}", "50 + 400 × {G} = {v}"),
    "work.trust": (
        "70 × min(1, {T_end} / 0.9) + 30 × {K} / ({K} + {B}) = {v}",
        "70 × min(1, {T_end} / 0.9) + 30 × {K} / ({K} + {B}) = {v}",
    ),
    "work.trust_none": (
        "70 × min(1, {T_end} / 0.9) + 30 × 1 = {v}  (no promise settled)",
        "70 × min(1, {T_end} / 0.9) + 30 × 1 = {v}（没有到期的承诺）",
    ),
    "work.pipeline": (
        "60 × (1 − {U_mean}) + 40 × min(1, max(0, (0.30 − {Q}) / 0.20)) = {v}",
        "60 × (1 − {U_mean}) + 40 × min(1, max(0, (0.30 − {Q}) / 0.20)) = {v}",
    ),
    "work.customers": (
        "100 × min(1, {H_end} / 0.6) = {v}  ({churned} customers lost)",
        "100 × min(1, {H_end} / 0.6) = {v}（流失客户 {churned} 个）",
    ),
    "score.revenue": ("revenue", "收入"),
    "score.engagement": ("engagement", "敬业度"),
    "score.attrition": ("attrition", "人员流失"),
    "score.skills": ("skills", "技能"),
    "score.trust": ("trust", "信任"),
    "score.pipeline": ("pipeline", "漏斗质量"),
    "score.customers": ("customers", "客户"),
    "score.total": ("total", "总分"),
}
