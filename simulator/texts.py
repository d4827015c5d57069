"""The language tables: every word the game and the reports show, in English and Chinese.

A string is looked up by key and filled with named values::

    tr("en", "week_of", week=5, weeks=26)   # "Week 5 / 26"
    tr("zh", "week_of", week=5, weeks=26)   # "第 5 / 26 周"

Keys are grouped by prefix: ``ui.`` for the desk's labels, ``act.`` for the
levers (name and what it is for), ``refused.`` for why an action was refused,
``ev.`` for the lines of a week report, ``lesson.`` for P1–P18, and the
model's vocabulary (``type.``, ``skill.``, ``stage.``, ``pool.``, ``hint.``,
``score.``). A test checks that every key has both languages and that both
use the same placeholders, so a Chinese game never shows an English gap.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGS = ("en", "zh")

# key: (English, Simplified Chinese)
STRINGS: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- title
    "app.name": ("salesim", "销售经理模拟"),
    "app.tagline": (
        "You have just been promoted to lead a sales team.",
        "你刚刚被提拔为销售团队的经理。",
    ),
    "title.new": ("New game", "新游戏"),
    "title.continue": ("Continue", "继续"),
    "title.load": ("Load game", "读取存档"),
    "title.language": ("中文", "English"),
    "title.quit": ("Quit", "退出"),
    "title.no_save": ("No game in progress to continue.", "没有可继续的游戏。"),
    "title.saved_at": ("Last save: {title}, week {week}", "上次存档：{title}，第 {week} 周"),
    "load.title": ("Load a saved game", "读取存档"),
    "load.path": ("Save file", "存档文件"),
    "load.open": ("Open", "打开"),
    "load.none": ("No save files in {folder}", "{folder} 中没有存档"),
    "load.error": ("This save cannot be opened: {why}", "无法打开此存档：{why}"),
    # ---------------------------------------------------------------- picker
    "picker.title": ("Choose a scenario", "选择场景"),
    "picker.difficulty": ("Difficulty: {level}", "难度：{level}"),
    "picker.weeks": ("{weeks} weeks · {team} reps", "{weeks} 周 · {team} 名销售"),
    "picker.teaches": ("Teaches: {lessons}", "教学要点：{lessons}"),
    "picker.start": ("Start", "开始"),
    "chooser.none": ("None of these is possible now: {why}", "目前都无法执行：{why}"),
    "picker.error": ("This scenario cannot be loaded:", "无法加载此场景："),
    "difficulty.easy": ("easy", "简单"),
    "difficulty.medium": ("medium", "中等"),
    "difficulty.hard": ("hard", "困难"),
    # ---------------------------------------------------------------- briefing
    "brief.title": ("Your briefing", "任务简报"),
    "brief.team": ("Your team", "你的团队"),
    "brief.target": ("Team target", "团队目标"),
    "brief.market": ("The market", "市场"),
    "brief.period_targets": ("Targets by period: {targets}", "各期目标：{targets}"),
    "brief.budget": (
        "{hours} h of your time a week · budget {budget} a period · up to {max} people",
        "每周可用 {hours} 小时 · 每期预算 {budget} · 最多 {max} 人",
    ),
    "brief.rep_line": ("{name} · {years} yrs{veteran}", "{name} · {years} 年{veteran}"),
    "brief.veteran": (" · veteran", " · 老员工"),
    "brief.novice": (" · novice", " · 新人"),
    "brief.segments": ("{n} accounts in {segments}", "{n} 个客户，分布于：{segments}"),
    "brief.pools": ("Support: {pools}", "支持资源：{pools}"),
    "brief.begin": ("Go to the desk", "开始工作"),
    # ---------------------------------------------------------------- desk header
    "ui.week_of": ("Week {week} / {weeks}", "第 {week} / {weeks} 周"),
    "ui.period": ("P{period}", "第{period}期"),
    "ui.target_bar": ("Target {target} · {pct}%", "目标 {target} · {pct}%"),
    "ui.hours": ("Hours {used} / {total}", "时间 {used} / {total} 小时"),
    "ui.budget": ("Budget {left}", "预算 {left}"),
    "ui.inbox_n": ("Inbox {n}", "待办 {n}"),
    "ui.end_week": ("End week ▶", "结束本周 ▶"),
    "ui.end_week_tip": (
        "Carry out the plan and let the week run (Space).",
        "执行计划，让这一周过去（空格键）。",
    ),
    "ui.menu": ("Menu", "菜单"),
    "ui.save_quit": ("Save & quit to title", "保存并返回标题"),
    "ui.menu_body": (
        "The game saves itself at the end of every week. Save & quit returns to the title "
        "screen, where Continue picks up exactly here.",
        "游戏每周结束时自动保存。“保存并返回标题”后，在标题画面点“继续”即可从这里接着玩。",
    ),
    "ui.admin": ("Admin and fixed meetings: {hours} h", "行政事务与固定会议：{hours} 小时"),
    "ui.at_week": ("{week}: {text}", "{week}：{text}"),
    "load.damaged": ("{name} · cannot be read", "{name} · 无法读取"),
    "ui.saved": ("Saved.", "已保存。"),
    "ui.back": ("Back", "返回"),
    "ui.close": ("Close", "关闭"),
    "ui.ok": ("OK", "确定"),
    "ui.cancel": ("Cancel", "取消"),
    "ui.remove": ("×", "×"),
    "ui.remove_tip": ("Take this action back", "撤回此行动"),
    "ui.unknown": ("?", "？"),
    "tab.desk": ("Desk", "办公桌"),
    "tab.pipeline": ("Pipeline", "销售漏斗"),
    "tab.accounts": ("Accounts", "客户档案"),
    "tab.quotas": ("Quotas", "指标"),
    "tab.inbox": ("Inbox", "待办"),
    "tab.charts": ("Charts", "图表"),
    "ui.team": ("TEAM", "团队"),
    "ui.plan": ("THIS WEEK'S PLAN", "本周计划"),
    "ui.plan_empty": ("Nothing planned yet.", "尚无计划。"),
    "ui.hours_left": ("left {hours} h · {money}", "剩余 {hours} 小时 · {money}"),
    "ui.last_week": ("LAST WEEK", "上周"),
    "ui.nothing_happened": ("A quiet week.", "平静的一周。"),
    "ui.planned": ("Planned: {what}", "已计划：{what}"),
    "ui.refused": ("Not possible: {why}", "无法执行：{why}"),
    # ---------------------------------------------------------------- rep card & detail
    "card.mood": ("mood {mood}", "情绪 {mood}"),
    "card.attain": ("quota {pct}%", "完成 {pct}%"),
    "card.pipe": ("pipeline {value}", "漏斗 {value}"),
    "card.pipe_tip": (
        "Pipeline: each open deal's value × the win chance you were told.",
        "漏斗：每个在谈项目的金额 × 汇报的赢率。",
    ),
    "card.stalled": ("⚠ {n} stalled", "⚠ {n} 停滞"),
    "card.risk": ("⚠ may leave", "⚠ 可能离职"),
    "card.type": ("type: {type}", "类型：{type}"),
    "card.type_unknown": ("type: ? ({n} hints)", "类型：？（{n} 条线索）"),
    "card.ramping": ("ramping up", "熟悉中"),
    "mood.good": ("▲ good", "▲ 良好"),
    "mood.fair": ("≈ fair", "≈ 一般"),
    "mood.low": ("▼ low", "▼ 低落"),
    "detail.head": (
        "{name} · {years} yrs{veteran} · {type}",
        "{name} · {years} 年{veteran} · {type}",
    ),
    "detail.numbers": (
        "Quota {quota} · booked {booked} ({pct}%) · pace {pace}× · {deals} open deals · "
        "{accounts} accounts",
        "指标 {quota} · 已签 {booked}（{pct}%）· 进度 {pace}× · {deals} 个在谈项目 · "
        "{accounts} 个客户",
    ),
    "detail.hints": ("Hints: {hints}", "线索：{hints}"),
    "detail.no_hints": ("No hints yet: talk to them.", "暂无线索：多和他们谈谈。"),
    "detail.roles": ("Roles: {roles}", "角色：{roles}"),
    "detail.last_1on1": ("Last 1:1: week {week}", "上次一对一：第 {week} 周"),
    "detail.never_1on1": ("No 1:1 yet", "尚未一对一面谈"),
    "role.deputy": ("deputy", "副手"),
    "role.profit_share": ("profit share", "利润分成"),
    "role.mentor_of": ("mentors {name}", "指导 {name}"),
    "role.mentored_by": ("mentored by {name}", "由 {name} 指导"),
    "role.rival": ("rival: {name}", "对手：{name}"),
    "role.autonomy": ("autonomy", "自主"),
    "role.dev_plan": ("development plan", "发展计划"),
    "role.key_accounts": ("{n} key accounts", "{n} 个大客户"),
    "group.talk": ("Talk", "沟通"),
    "group.grow": ("Grow", "培养"),
    "group.motivate": ("Motivate", "激励"),
    "group.organise": ("Organise", "组织"),
    "group.deals": ("Deals", "项目"),
    "group.people": ("People", "人事"),
    "group.team": ("Team", "团队"),
    "pick.public": ("in public", "公开"),
    "pick.private": ("in private", "私下"),
    "pick.review_plain": ("talk it through, no praise or correction", "只谈结果，不表扬也不批评"),
    "pick.promise_quota": ("{amount} if they make quota", "完成指标则奖励 {amount}"),
    "pick.promise_none": ("{amount}, whatever happens", "无条件奖励 {amount}"),
    "pick.choose": ("Choose…", "选择…"),
    "pick.amount": ("Amount", "金额"),
    "pick.deal": ("Deal", "项目"),
    "pick.account": ("Account", "客户"),
    "pick.who": ("Who", "人选"),
    "cost.hours": ("{hours} h", "{hours} 小时"),
    "cost.both": ("{hours} h · {money}", "{hours} 小时 · {money}"),
    "tip.cost": ("Costs {cost}. {purpose}", "花费 {cost}。{purpose}"),
    # ---------------------------------------------------------------- actions
    "act.set_quota": ("Set quota", "设定指标"),
    "act.one_on_one": ("1:1", "一对一"),
    "act.feedback_praise": ("Praise", "表扬"),
    "act.feedback_criticism": ("Correct", "批评指正"),
    "act.performance_review": ("Review", "绩效评估"),
    "act.team_meeting": ("Team meeting", "团队会议"),
    "act.team_goal": ("Team goal", "团队目标"),
    "act.coach": ("Coach", "辅导"),
    "act.development_plan": ("Dev. plan", "发展计划"),
    "act.autonomy": ("Autonomy", "放权"),
    "act.mentor": ("Mentor", "师徒"),
    "act.team_training": ("Training", "团队培训"),
    "act.contest": ("Contest", "销售竞赛"),
    "act.rival": ("Rival", "树立对手"),
    "act.bonus": ("Bonus", "奖金"),
    "act.promise": ("Promise", "承诺"),
    "act.keep_promise": ("Keep promise", "兑现承诺"),
    "act.honour_veteran": ("Honour", "礼遇老将"),
    "act.key_account": ("Key account", "大客户"),
    "act.reassign_accounts": ("Give accounts", "分配客户"),
    "act.delegate": ("Delegate", "授权"),
    "act.profit_share": ("Share", "利润分成"),
    "act.daily_plans": ("Daily plans", "日计划"),
    "act.call_analytics": ("Call analytics", "通话分析"),
    "act.pipeline_review": ("Pipeline review", "漏斗审查"),
    "act.drop_deal": ("Drop", "放弃"),
    "act.push_deal": ("Push", "推进"),
    "act.joint_visit": ("Joint visit", "联合拜访"),
    "act.request_support": ("Support", "申请支持"),
    "act.visit_short": ("Visit", "拜访"),
    "act.hire": ("Hire", "招聘"),
    "act.let_go": ("Let go", "辞退"),
    "act.assessment": ("Assess", "测评"),
    "act.answer": ("Answer", "回复"),
    "why.set_quota": ("Set a rep's quota: realistic and challenging.", "设定指标：现实而有挑战。"),
    "why.one_on_one": (
        "An hour alone with a rep: trust, hints, problems surface.",
        "与销售单独谈一小时：建立信任，发现线索和问题。",
    ),
    "why.feedback_praise": (
        "Recognise good work. Praise in public, correct in private.",
        "肯定好的工作。公开表扬，私下批评。",
    ),
    "why.feedback_criticism": (
        "Correct what goes wrong. In private it can help; in public it hurts.",
        "指出问题。私下批评有帮助，公开批评伤人。",
    ),
    "why.performance_review": (
        "The period-end review: evaluate results and the person.",
        "期末评估：评价业绩，也评价人。",
    ),
    "why.team_meeting": (
        "The team meets; everyone can raise problems.",
        "团队开会，人人都可以提出问题。",
    ),
    "why.team_goal": ("One clear, shared goal for the period.", "本期一个清晰、共同的目标。"),
    "why.coach": (
        "Two hours coaching one skill; novices learn fastest.",
        "用两小时辅导一项技能；新人学得最快。",
    ),
    "why.development_plan": (
        "Strengths, to improve, to learn: a stretch plan.",
        "优势、待改进、要学习：一份挑战性的成长计划。",
    ),
    "why.autonomy": ("Hand over the big goal and step back.", "交出大目标，自己退后一步。"),
    "why.mentor": ("Pair a novice with an experienced rep.", "让有经验的销售带一名新人。"),
    "why.team_training": (
        "A training day: everyone a little better at one skill.",
        "一天培训：每个人的某项技能都提高一点。",
    ),
    "why.contest": (
        "A sales contest with a leaderboard until the period ends.",
        "举办销售竞赛，排行榜持续到本期结束。",
    ),
    "why.rival": (
        "Point to a rival: 'the new rep may take your territory'.",
        "树立对手：“新人可能会抢走你的地盘”。",
    ),
    "why.bonus": ("A real reward from the incentive budget.", "从激励预算中给予实实在在的奖励。"),
    "why.promise": (
        "Promise a reward if they make quota. Only promise what you can deliver.",
        "承诺完成指标后给予奖励。只承诺能兑现的事。",
    ),
    "why.keep_promise": ("Deliver what you promised.", "兑现你的承诺。"),
    "why.honour_veteran": ("Status, face and pay for a veteran.", "给老将地位、面子和待遇。"),
    "why.key_account": (
        "Give the rep your most valuable unassigned account to care for.",
        "把最有价值的空闲客户交给这位销售维护。",
    ),
    "why.reassign_accounts": (
        "Give the rep the unowned accounts that fit their strengths.",
        "把无人负责的客户分给擅长的销售。",
    ),
    "why.delegate": (
        "Hand a task to a deputy — with a rope and a candy.",
        "把任务交给副手——既要有绳子，也要有糖。",
    ),
    "why.profit_share": (
        "A share of the value a deputy creates.",
        "让副手分享其创造的价值。",
    ),
    "why.daily_plans": (
        "Daily plans and notes in a shared tool, read weekly.",
        "在共享工具中写日计划和笔记，每周查阅。",
    ),
    "why.call_analytics": (
        "Call analytics shows each rep's weakest skill.",
        "通话分析显示每位销售最弱的技能。",
    ),
    "why.pipeline_review": (
        "1-15-30: go through each funnel; see stalled and dead deals.",
        "1-15-30：逐一检查漏斗，发现停滞和无望的项目。",
    ),
    "why.drop_deal": (
        "Stop spending time on a deal with no intent behind it.",
        "不再在没有购买意向的项目上浪费时间。",
    ),
    "why.push_deal": (
        "Ask the rep to work this deal first this week.",
        "要求销售本周优先跟进这个项目。",
    ),
    "why.joint_visit": (
        "Visit the customer with the rep: better odds, and they learn.",
        "和销售一起拜访客户：赢率更高，销售也能学习。",
    ),
    "why.request_support": (
        "Bring pre-sales, consultants, executives or legal to a deal.",
        "为项目申请售前、顾问、高管或法务支持。",
    ),
    "why.hire": (
        "Open a position: the hire starts in 4–8 weeks, at part speed.",
        "开放职位：新人 4–8 周后入职，起初效率较低。",
    ),
    "why.let_go": (
        "Part with a rep; their accounts wait for a new owner.",
        "辞退销售；其客户等待新的负责人。",
    ),
    "act.team_review": ("Review all funnels", "检查全部漏斗"),
    "why.team_review": (
        "1-15-30 for the whole team: go through every funnel not yet reviewed this week.",
        "全队的 1、15、30法则：把本周还没检查的漏斗逐一过一遍。",
    ),
    "act.drop_orphan": ("Drop an unowned deal", "放弃无人跟进的项目"),
    "why.drop_orphan": (
        "A deal nobody works still looks alive in the funnel: drop it or give its account out.",
        "没人跟进的项目在漏斗里看似还活着：放弃它，或把客户分给别人。",
    ),
    "why.answer": ("Decide what to do about a message.", "决定如何处理这条消息。"),
    "why.assessment": (
        "A paid assessment: the rep's type and weakest skill.",
        "付费测评：了解销售的类型和最弱技能。",
    ),
    # ---------------------------------------------------------------- refusals
    "refused.not_action": ("that is not an action", "这不是一个可执行的动作"),
    "refused.finished": ("the scenario is over", "场景已结束"),
    "refused.bad_value": ("{field} is not a value this action takes", "{field} 的取值不合要求"),
    "refused.unknown_rep": ("there is nobody with that id on the team", "团队里没有这个人"),
    "refused.rep_left": ("they have left the team", "此人已离开团队"),
    "refused.unknown_deal": ("there is no such open deal", "没有这个在跟进的项目"),
    "refused.deal_closed": ("the deal is already closed", "该项目已结束"),
    "refused.unknown_account": ("there is no such account", "没有这个客户"),
    "refused.account_churned": ("that customer has been lost", "该客户已经流失"),
    "refused.bad_quota": ("a quota must be a positive amount", "指标必须是正数"),
    "refused.past_period": ("period {period} is already over", "第 {period} 期已经结束"),
    "refused.beyond_game": (
        "period {period} comes after the game ends",
        "第 {period} 期在游戏结束之后",
    ),
    "refused.already_done": ("already done this week", "本周已经做过"),
    "refused.already_planned": ("already in this week's plan", "已在本周计划中"),
    "refused.not_review_time": (
        "reviews happen in a period's last week or the next period's first two",
        "绩效面谈只在每期最后一周或下一期的前两周进行",
    ),
    "refused.reviewed": ("already reviewed in week {week}", "第 {week} 周已经面谈过"),
    "refused.has_plan": ("they already have a development plan", "此人已有发展计划"),
    "refused.has_autonomy": ("they already run on their own", "此人已经在自主工作"),
    "refused.same_rep": ("pick two different people", "请选择两个不同的人"),
    "refused.not_novice": ("a mentor is for a novice", "师徒制只适用于新人"),
    "refused.mentor_novice": ("a novice cannot mentor", "新人不能当导师"),
    "refused.contest_running": ("a contest is already running this period", "本期已有竞赛在进行"),
    "refused.small_bonus": ("a bonus is at least {low}", "奖金至少 {low}"),
    "refused.bad_amount": ("the amount must be positive", "金额必须是正数"),
    "refused.bad_condition": (
        "a promise holds if they make quota, or regardless",
        "承诺的条件只能是完成指标，或无条件",
    ),
    "refused.bad_due_week": (
        "week {week} is not between now and the end of the game",
        "第 {week} 周不在现在到游戏结束之间",
    ),
    "refused.unknown_promise": ("there is no such promise", "没有这项承诺"),
    "refused.promise_settled": ("that promise is already settled", "该承诺已处理"),
    "refused.not_due": (
        "the promise falls due in week {week}, and only if quota is made",
        "该承诺在第 {week} 周到期，且以完成指标为条件",
    ),
    "refused.not_veteran": ("only veterans can be honoured this way", "只有元老才能这样礼遇"),
    "refused.key_already": ("they already care for this key account", "此人已在负责这个重点客户"),
    "refused.no_accounts": ("there is no unowned account to give", "没有可分配的空闲客户"),
    "refused.novice_deputy": ("a novice cannot be a deputy", "新人不能当副手"),
    "refused.not_deputy": (
        "they are not your deputy: delegate first",
        "此人不是你的副手：请先授权",
    ),
    "refused.has_share": ("they already have a profit share", "此人已有利润分成"),
    "refused.in_use": ("already in use", "已经在用"),
    "refused.reviewed_all": (
        "every funnel was already gone through this week",
        "本周每个人的漏斗都已检查过",
    ),
    "refused.no_owner": (
        "the deal has no rep: give its account to someone first",
        "该项目没有负责人：请先把客户分配给某人",
    ),
    "refused.not_their_deal": ("that deal is not theirs", "这不是此人的项目"),
    "refused.no_such_support": ("this team has no such support to ask", "本团队没有这种支持资源"),
    "refused.headcount": (
        "head office allows at most {most} people on the team",
        "总部规定团队最多 {most} 人",
    ),
    "refused.assessed": (
        "their type and weakest skill are already known",
        "此人的类型和最弱技能都已知道",
    ),
    "refused.unknown_item": ("there is no such message", "没有这条消息"),
    "refused.notice": ("a notice needs no answer", "通知无需回复"),
    "refused.answered": ("already answered", "已回复"),
    "refused.unknown_choice": ("that is not one of the message's choices", "这不是该消息的选项"),
    "refused.no_hours": (
        "needs {need} h but only {left} h are left this week",
        "需要 {need} 小时，但本周只剩 {left} 小时",
    ),
    "refused.no_budget": (
        "needs {need} but only {left} is left in this period's budget",
        "需要 {need}，但本期预算只剩 {left}",
    ),
    # why a lever has nothing to offer at all
    "refused.no_partner": ("there is nobody to pair them with", "没有可以搭配的人"),
    "refused.no_promise": ("there is no open promise to them", "对此人没有未兑现的承诺"),
    "refused.no_deals": ("they have no open deals", "此人没有在跟进的项目"),
    "refused.no_support": ("this team has no support people to ask", "本团队没有可请求的支持资源"),
    "refused.alone": ("there is nobody else on the team", "团队里没有其他人"),
    "refused.none_fits": ("none of its choices fits now", "目前没有一个选项可行"),
    # ---------------------------------------------------------------- week report
    "ev.deal_won": ("+ Won {account} {value} ({rep})", "+ 赢单 {account} {value}（{rep}）"),
    "ev.deal_lost": (
        "− Lost {account} {value} ({rep}, {reason})",
        "− 丢单 {account} {value}（{rep}，{reason}）",
    ),
    "ev.deal_dropped": ("− Dropped {account} {value}", "− 放弃 {account} {value}"),
    "ev.resigned": ("! {rep} resigned", "! {rep} 辞职了"),
    "ev.let_go": ("! {rep} left the team (let go)", "! {rep} 被辞退"),
    "ev.hired": ("+ {rep} joined the team", "+ {rep} 加入团队"),
    "ev.hire_started": ("Position opened: a hire in {weeks} weeks", "职位已开放：{weeks} 周后入职"),
    "ev.hint": ("{rep}: {hint}", "{rep}：{hint}"),
    "ev.type_revealed": ("{rep} is a {type} type", "{rep} 属于「{type}」型"),
    "ev.flight_risk": ("⚠ {rep} might leave ({risk}% a year)", "⚠ {rep} 可能离职（年化 {risk}%）"),
    "ev.stuck_deals": ("{rep} has {n} stuck deals", "{rep} 有 {n} 个卡住的项目"),
    "ev.reaction_up": ("▲ {rep} perked up ({lever})", "▲ {rep} 受到鼓舞（{lever}）"),
    "ev.reaction_down": ("▼ {rep} was put off ({lever})", "▼ {rep} 感到不快（{lever}）"),
    "ev.reaction_flat": ("{rep} shrugged ({lever})", "{rep} 无动于衷（{lever}）"),
    "ev.promise_kept": ("✓ Promise to {rep} kept", "✓ 对 {rep} 的承诺已兑现"),
    "ev.promise_broken": ("× Promise to {rep} broken", "× 对 {rep} 的承诺未兑现"),
    "ev.promise_due": ("Promise to {rep} is due ({amount})", "对 {rep} 的承诺到期（{amount}）"),
    "ev.delegation_slip": (
        "× Deputy {rep} made a costly mistake",
        "× 副手 {rep} 犯了代价高昂的错误",
    ),
    "ev.market_event": ("Market: {event}", "市场：{event}"),
    "ev.inbox": ("→ {title}", "→ {title}"),
    "ev.refused": ("× {action}: {why}", "× {action}：{why}"),
    "ev.period_end": (
        "Period {period} closed: {booked} of {target}",
        "第 {period} 期结束：完成 {booked} / {target}",
    ),
    "ev.contest_won": ("{rep} won the contest", "{rep} 赢得了竞赛"),
    "ev.unfair": ("Team noticed unequal treatment", "团队注意到了不公平对待"),
    "ev.unhappy": ("▼ {rep} looks unhappy (mood {mood})", "▼ {rep} 看起来情绪低落（情绪 {mood}）"),
    "ev.support_dead": (
        "Support found {account} has gone quiet",
        "支持人员发现 {account} 已无回应",
    ),
    "ev.team_meeting_raised": (
        "Team meeting: {names} are overloaded",
        "团队会议：{names} 负担过重",
    ),
    "lost.competitor": ("competitor", "竞争对手"),
    "lost.price": ("price", "价格"),
    "lost.no_decision": ("no decision", "未决策"),
    "lost.budget": ("budget", "预算"),
    "lost.churned": ("customer lost", "客户流失"),
    "lost.deputy_mistake": ("deputy's mistake", "副手失误"),
    "market.price_war": ("a price war", "价格战"),
    "market.budget_freeze": ("budgets frozen", "预算冻结"),
    "market.boom": ("a boom", "市场繁荣"),
    "market.big_tender": ("a big tender", "大型招标"),
    "lever.contest": ("contest", "竞赛"),
    "lever.rival": ("rival", "对手"),
    "lever.praise_public": ("public praise", "公开表扬"),
    "lever.praise_private": ("private praise", "私下表扬"),
    "lever.criticism_public": ("public criticism", "公开批评"),
    "lever.criticism_private": ("private correction", "私下批评"),
    "lever.development_plan": ("development plan", "发展计划"),
    "lever.autonomy": ("autonomy", "放权"),
    "lever.mentor": ("mentoring", "带新人"),
    "lever.deputy": ("deputy role", "副手角色"),
    "lever.honour_veteran": ("being honoured", "受到礼遇"),
    "lever.bonus": ("a bonus", "奖金"),
    "lever.key_account": ("a key account", "负责大客户"),
    # ---------------------------------------------------------------- pipeline, accounts, quotas
    "pipe.head": ("{rep}: {n} open deals · {value}", "{rep}：{n} 个在谈项目 · {value}"),
    "pipe.account": ("Account", "客户"),
    "pipe.value": ("Value", "金额"),
    "pipe.stage": ("Stage", "阶段"),
    "pipe.touch": ("Last touch", "上次跟进"),
    "pipe.chance": ("Chance", "赢率"),
    "pipe.days": ("{days} d", "{days} 天"),
    "pipe.mark15": ("⚠15", "⚠15"),
    "pipe.mark30": ("×30", "×30"),
    "pipe.reviewed": ("✓ reviewed", "✓ 已审查"),
    "pipe.quiet": ("no reply", "无回应"),
    "pipe.orphans": ("Nobody's deals", "无人负责的项目"),
    "pipe.legend": (
        "Marks: ⚠15 = not touched for 15+ days: re-check · ×30 = not touched for 30+ days: "
        "judge intent, drop if dead",
        "标记：⚠15 = 15 天以上未跟进，需复查 · ×30 = 30 天以上未跟进，判断意向，无望则放弃",
    ),
    "pipe.funnel": ("Funnel by stage", "各阶段漏斗"),
    "acc.name": ("Account", "客户"),
    "acc.owner": ("Owner", "负责人"),
    "acc.segment": ("Segment", "行业"),
    "acc.potential": ("Potential", "潜力"),
    "acc.relationship": ("Relation", "关系"),
    "acc.contact": ("Last contact", "上次联系"),
    "acc.deals": ("Deals", "项目"),
    "acc.nobody": ("—", "—"),
    "acc.key": ("★", "★"),
    "acc.lost": ("lost", "已流失"),
    "acc.days_ago": ("{days} d ago", "{days} 天前"),
    "acc.shown": (
        "{shown} of {total} accounts, by {order}",
        "显示 {shown} / {total} 个客户，按{order}排序",
    ),
    "acc.open_tip": ("Open the account's file: its history.", "打开客户档案：查看历史记录。"),
    "acc.file_line": (
        "Owner {owner} · {segment} · potential {potential} · relationship {relationship} · "
        "decides {style} · won so far {won}",
        "负责人 {owner} · {segment} · 潜力 {potential} · 关系 {relationship} · "
        "决策方式：{style} · 累计赢单 {won}",
    ),
    "acc.no_history": ("Nothing on file yet.", "暂无记录。"),
    "hist.opportunity": ("a new opportunity", "新商机"),
    "hist.won": ("deal won", "赢单"),
    "hist.lost": ("deal lost", "丢单"),
    "hist.dropped": ("deal dropped", "放弃项目"),
    "hist.churned": ("the customer left", "客户流失"),
    "hist.upset": ("upset by a deputy's mistake", "因副手失误而不满"),
    "style.consensus": ("by consensus", "集体决策"),
    "style.top_down": ("top-down", "一把手拍板"),
    "style.technical": ("on technical merit", "看重技术"),
    "style.price_driven": ("on price", "看重价格"),
    "pipe.by_stage": (
        "By stage: {stages} · expected {expected} (value × reported chance)",
        "各阶段：{stages} · 预期 {expected}（金额 × 汇报赢率）",
    ),
    "quota.title": ("Quotas for period {period}", "第 {period} 期指标"),
    "quota.closed": (
        "Quotas are set in the first weeks of a period (next: week {week}).",
        "指标在每期开始的几周内设定（下次：第 {week} 周）。",
    ),
    "quota.history": ("Past: {items}", "过往：{items}"),
    "quota.no_history": ("no history", "无历史记录"),
    "quota.sum": (
        "Sum {sum} · team target {target} ({pct}%)",
        "合计 {sum} · 团队目标 {target}（{pct}%）",
    ),
    "quota.far": ("⚠ far from their record", "⚠ 与过往业绩差距大"),
    "quota.apply": ("Plan these quotas", "计划这些指标"),
    "quota.entry_tip": (
        "The quota in thousands (k); Tab to the next field.",
        "指标（单位：万）；按 Tab 到下一栏。",
    ),
    "quota.unit": ("k", "万"),
    "quota.bad": ("'{text}' is not an amount", "“{text}”不是有效金额"),
    "inbox.empty": ("No messages.", "没有消息。"),
    "inbox.due": ("answer by week {week}", "请在第 {week} 周前回复"),
    "inbox.answered": ("answered: {choice}", "已回复：{choice}"),
    "inbox.expired": ("unanswered", "未回复"),
    "inbox.costs": ("costs {cost}", "花费 {cost}"),
    "inbox.promise": ("makes a promise", "作出承诺"),
    "chart.revenue": ("Revenue vs target (cumulative)", "累计收入与目标"),
    "chart.funnel": (
        "Open deals by stage, qualification → signing",
        "各阶段在谈项目：资格确认 → 签约",
    ),
    "chart.mood": ("Team mood (as you see it)", "团队情绪（你观察到的）"),
    "chart.revenue_legend": ("— booked  ··· target", "— 已签  ··· 目标"),
    "chart.revenue_now": ("Revenue {booked} of {target}", "收入 {booked} / 目标 {target}"),
    "chart.funnel_now": (
        "Open deals by stage: {n} worth {value}",
        "各阶段在谈项目：{n} 个，共 {value}",
    ),
    "chart.compare_legend": (
        "Revenue: you — · by the book - - · target ···",
        "收入：你 — · 按手册 - - · 目标 ···",
    ),
    # ---------------------------------------------------------------- reviews
    "review.title": ("Period {period} reviews", "第 {period} 期评估"),
    "review.intro": (
        "The period is over. Review each rep: praise, correct, set the next quota, "
        "keep what you promised.",
        "本期结束。逐一评估：表扬、指正、设定下期指标，兑现你的承诺。",
    ),
    "review.result": (
        "{name}: {booked} of {quota} ({pct}%)",
        "{name}：完成 {booked} / {quota}（{pct}%）",
    ),
    "review.praise": ("Praise", "表扬"),
    "review.correct": ("Correct", "指正"),
    "review.plain": ("Review", "评估"),
    "review.keep": ("Keep promise ({amount})", "兑现承诺（{amount}）"),
    "review.done": ("Done: to the desk", "完成：回到办公桌"),
    "review.next_quota": ("Next quota (k)", "下期指标（万）"),
    # ---------------------------------------------------------------- debrief
    "debrief.title": ("Debrief: {title}", "复盘：{title}"),
    "debrief.score": (
        "Your score {total} · by the book {book}",
        "你的得分 {total} · 按手册 {book}",
    ),
    "debrief.component": ("Component", "项目"),
    "debrief.value": ("Value", "得分"),
    "debrief.weight": ("Weight", "权重"),
    "debrief.formula": ("Formula", "公式"),
    "debrief.lessons": ("Lessons", "经验教训"),
    "debrief.stories": ("Your people", "你的团队成员"),
    "debrief.compare": ("Same seed, by the book", "同一随机种子，按手册管理"),
    "debrief.you": ("You", "你"),
    "debrief.book": ("By the book", "按手册"),
    "debrief.to_title": ("To the title screen", "返回标题"),
    "debrief.write_report": ("Write the trainer's report", "生成培训报告"),
    "debrief.write_report_tip": (
        "An HTML page with charts, for your trainer or your own notes.",
        "生成带图表的 HTML 报告，供培训师或自己查看。",
    ),
    "debrief.report_written": ("Written: {path}", "已生成：{path}"),
    "debrief.followed": ("✓ followed", "✓ 做到了"),
    "debrief.missed": ("× missed", "× 没做到"),
    "debrief.partly": ("≈ partly", "≈ 部分做到"),
    "debrief.untested": ("– not tested here", "– 本局未涉及"),
    "debrief.revenue_line": (
        "Revenue {revenue} of target {target}; {left} left the team",
        "收入 {revenue} / 目标 {target}；{left} 人离开团队",
    ),
    # ---------------------------------------------------------------- lessons
    "lesson.P1": (
        "The manager's cycle: plan, organise, set quotas, evaluate",
        "经理的循环：计划、组织、定指标、评估",
    ),
    "lesson.P2": ("Quotas realistic and challenging", "指标要现实且有挑战"),
    "lesson.P3": ("Know each rep's needs: four types", "了解每个人的需求：四种类型"),
    "lesson.P4": ("Competitors thrive on contests and rivals", "竞争型靠竞赛和对手激励"),
    "lesson.P5": ("Achievers: challenge, growth plans, autonomy", "成就型：挑战、成长计划、放权"),
    "lesson.P6": ("Ego-driven reps: make them mentors", "自我型：让他们当导师"),
    "lesson.P7": ("Service reps keep customers: value them", "服务型留住客户：重视他们"),
    "lesson.P8": ("Talk regularly: 1:1s and team meetings", "定期沟通：一对一和团队会议"),
    "lesson.P9": (
        "Praise in public, correct in private, one standard",
        "公开表扬，私下批评，一视同仁",
    ),
    "lesson.P10": ("The 1-15-30 pipeline rule", "漏斗管理 1-15-30 法则"),
    "lesson.P11": (
        "Team selling: the right support at the right stage",
        "团队销售：在正确阶段用正确支持",
    ),
    "lesson.P12": ("Keep a customer archive", "建立客户档案"),
    "lesson.P13": ("Delegate with supervision: a rope and a candy", "授权要监督：绳子和糖"),
    "lesson.P14": ("Deputies need a share; veterans need face", "副手要分成，老将要面子"),
    "lesson.P15": ("Never promise what you cannot deliver", "不做无法兑现的承诺"),
    "lesson.P16": ("Manage by data; a repeatable routine", "用数据管理；可重复的流程"),
    "lesson.P17": ("Daily plans and call analytics", "日计划和通话分析"),
    "lesson.P18": (
        "Team atmosphere: one goal, meetings, training",
        "团队氛围：共同目标、会议、培训",
    ),
    # ---------------------------------------------------------------- findings and stories
    "s.untested": ("The game gave no occasion for this lesson.", "本局没有涉及这一课的情境。"),
    "s.p1": (
        "Quotas set in {set} of {periods} periods; {reviews} performance reviews.",
        "在 {periods} 期中有 {set} 期设定了指标；做了 {reviews} 次绩效评估。",
    ),
    "m.p1_no_quota": (
        "Period {period}: no quotas set; last period's stood.",
        "第 {period} 期：没有设定指标，沿用了上期的。",
    ),
    "m.p1_no_review": (
        "Period {period}: ended without a single review.",
        "第 {period} 期：结束时没有做任何评估。",
    ),
    "s.p2": (
        "{good} of {total} quotas you set were realistic and challenging "
        "(0.9–1.35× what the rep could truly book).",
        "你设定的 {total} 个指标中有 {good} 个现实且有挑战（为其真实能力的 0.9–1.35 倍）。",
    ),
    "s.p2_none": (
        "You never set a quota: last year's numbers stood.",
        "你从未设定指标：沿用了去年的数字。",
    ),
    "m.p2_too_high": (
        "{rep}: quota {quota} was {x}× what they could book: too high, confidence suffers.",
        "{rep}：指标 {quota} 是其能力的 {x} 倍：定得太高，信心受挫。",
    ),
    "m.p2_too_low": (
        "{rep}: quota {quota} was only {x}× what they could book: too low to stretch.",
        "{rep}：指标 {quota} 只是其能力的 {x} 倍：太低，缺乏挑战。",
    ),
    "s.p3_given": ("Everyone's type was given in the briefing.", "简报中已给出每个人的类型。"),
    "story.given": ("Their type was in the briefing.", "其类型在简报中已给出。"),
    "debrief.scorecard": ("Scorecard", "计分卡"),
    "s.p3": (
        "You learnt {known} of {total} people's types.",
        "你了解了 {total} 人中 {known} 人的类型。",
    ),
    "m.p3_revealed": (
        "You learnt {rep} is {type} (from {by}).",
        "你了解到 {rep} 属于{type}（通过{by}）。",
    ),
    "m.p3_never": ("You never found out {rep} was {type}.", "你始终不知道 {rep} 属于{type}。"),
    "by.conversations": ("conversations", "谈话"),
    "by.assessment": ("an assessment", "测评"),
    "by.event": ("an event", "事件"),
    "by.scenario": ("the briefing", "简报"),
    "m.reaction_up": ("{rep} perked up at {lever}.", "{rep} 因{lever}受到鼓舞。"),
    "m.reaction_down": ("{rep} was put off by {lever}.", "{rep} 因{lever}感到不快。"),
    "s.p4": (
        "{contests} contests and {rivals} rivals named for {n} competitors.",
        "为 {n} 名竞争型销售举办了 {contests} 次竞赛，树立了 {rivals} 个对手。",
    ),
    "s.p5": (
        "{grown} of {n} achievers got a development plan or autonomy.",
        "{n} 名成就型销售中有 {grown} 人获得了发展计划或自主权。",
    ),
    "m.p5_not_grown": (
        "{rep} (achiever) got neither a plan nor autonomy.",
        "{rep}（成就型）既没有发展计划也没有自主权。",
    ),
    "s.p6": (
        "{ego} of {pairs} mentoring pairs had an ego-driven mentor.",
        "{pairs} 对师徒中有 {ego} 对的导师是自我型。",
    ),
    "m.p6_mentor": ("{rep} mentored {novice}.", "{rep} 指导了 {novice}。"),
    "s.p7": (
        "{cared} of {n} service reps looked after key accounts; "
        "{hurt} times one was put off by a hunting lever.",
        "{n} 名服务型销售中有 {cared} 人负责大客户；{hurt} 次因狩猎式激励感到不快。",
    ),
    "s.p8": (
        "{ok} of {n} reps had 1:1s at least twice a month; {meetings} team meetings.",
        "{n} 人中有 {ok} 人每月至少两次一对一；开了 {meetings} 次团队会议。",
    ),
    "m.p8_rare": (
        "{rep}: {n} one-on-ones in {weeks} weeks.",
        "{rep}：{weeks} 周内只有 {n} 次一对一。",
    ),
    "s.p9": (
        "{public} public criticisms, {praise} praises, "
        "{unfair} times the team saw unequal treatment.",
        "公开批评 {public} 次，表扬 {praise} 次，团队 {unfair} 次感到不公。",
    ),
    "m.p9_public_criticism": ("{rep} was criticised in public.", "{rep} 被公开批评。"),
    "m.p9_unfair": (
        "The team saw two similar results treated differently.",
        "团队看到相似的业绩被区别对待。",
    ),
    "s.p10": (
        "Pipeline reviewed in {weeks} of {of} weeks; {dropped} dead deals dropped.",
        "{of} 周中有 {weeks} 周审查了漏斗；放弃了 {dropped} 个无望项目。",
    ),
    "m.p10_gap": ("Weeks {from}–{to}: no pipeline review.", "第 {from}–{to} 周：没有审查漏斗。"),
    "s.p11": (
        "{right} of {n} support engagements came at the right stage.",
        "{n} 次支持中有 {right} 次在正确阶段。",
    ),
    "m.p11_wrong_stage": (
        "{pool} came in at {stage}: the wrong stage.",
        "{pool} 在「{stage}」阶段介入：阶段不对。",
    ),
    "s.p12": (
        "{lost} customers lost; {assigned} account assignments made.",
        "流失客户 {lost} 个；进行了 {assigned} 次客户分配。",
    ),
    "m.p12_lost": ("{account} was lost ({rep}).", "{account} 流失（{rep}）。"),
    "s.p13_none": ("You never delegated.", "你从未授权。"),
    "s.p13": (
        "{n} delegations, {light} with light supervision; {slips} costly mistakes.",
        "授权 {n} 次，其中 {light} 次适度监督；{slips} 次代价高昂的失误。",
    ),
    "m.p13_delegated": (
        "{rep} took over {task} with {supervision}.",
        "{rep} 接手{task}，{supervision}。",
    ),
    "m.p13_slip": ("Deputy {rep} made a costly mistake.", "副手 {rep} 犯了代价高昂的错误。"),
    "s.p14": (
        "{shared} of {deputies} deputies got a share; {honoured} of {veterans} veterans honoured.",
        "{deputies} 名副手中 {shared} 人获得分成；{veterans} 名老将中 {honoured} 人受到礼遇。",
    ),
    "m.p14_no_share": (
        "{rep} carried a deputy's load with no share.",
        "{rep} 承担副手职责却没有分成。",
    ),
    "m.p14_not_honoured": ("{rep}, a veteran, was never honoured.", "老将 {rep} 从未受到礼遇。"),
    "s.p15": ("{kept} promises kept, {broken} broken.", "兑现承诺 {kept} 次，违背 {broken} 次。"),
    "m.p15_broken": (
        "The promise to {rep} ({amount}) was broken.",
        "对 {rep} 的承诺（{amount}）未兑现。",
    ),
    "s.p16": (
        "A steady routine (1:1s or pipeline review) in {weeks} of {of} weeks.",
        "{of} 周中有 {weeks} 周保持了固定流程（一对一或漏斗审查）。",
    ),
    "s.p17": (
        "Daily plans: {plans} · call analytics: {calls}.",
        "日计划：{plans} · 通话分析：{calls}。",
    ),
    "m.p17_plans": ("Daily plans and notes adopted.", "采用了日计划和笔记。"),
    "m.p17_calls": ("Call analytics adopted.", "采用了通话分析。"),
    "s.p18": (
        "Team goal in {goals} of {periods} periods; {meetings} meetings; {training} training days.",
        "{periods} 期中有 {goals} 期设定团队目标；{meetings} 次会议；{training} 次培训。",
    ),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "story.head": ("{name} — {type}", "{name} — {type}"),
    "story.revealed": (
        "You learnt their type in week {week} (from {by}).",
        "你在第 {week} 周了解到其类型（通过{by}）。",
    ),
    "story.never": ("You never learnt their type.", "你始终不了解其类型。"),
    "story.mood": (
        "Engagement {start} → {end}; {talks} one-on-ones.",
        "敬业度 {start} → {end}；{talks} 次一对一。",
    ),
    "story.lifted": ("Lifted by: {levers}.", "令其振奋：{levers}。"),
    "story.put_off": ("Put off by: {levers}.", "令其不快：{levers}。"),
    "story.left": ("Left in week {week} ({why}).", "第 {week} 周离开（{why}）。"),
    "story.results": ("Results: {items}", "业绩：{items}"),
    "left.resigned": ("resigned", "辞职"),
    "left.let_go": ("let go", "辞退"),
    "ui.week_short": ("wk {week}", "第{week}周"),
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
    "formula.revenue": ("100 × min(1, R / T)", "100 × min(1, R / T)；R = 收入，T = 目标"),
    "formula.engagement": (
        "100 × (Ē − 0.30) / 0.50, clipped to 0..100; Ē = mean weekly team engagement",
        "100 × (Ē − 0.30) / 0.50，限定在 0..100；Ē = 团队每周平均敬业度",
    ),
    "formula.attrition": (
        "100 × (1 − 2 × L / N); L = resignations + performers let go, N = starting team",
        "100 × (1 − 2 × L / N)；L = 辞职人数 + 被辞退的骨干，N = 初始团队人数",
    ),
    "formula.skills": (
        "50 + 400 × (S_end − S_start); S = the team's mean skill",
        "50 + 400 × (S_end − S_start)；S = 团队平均技能",
    ),
    "formula.trust": (
        "70 × min(1, T_end / 0.9) + 30 × K / (K + B); K, B = promises kept, broken "
        "(the share counts as 1 with none made)",
        "70 × min(1, T_end / 0.9) + 30 × K / (K + B)；"
        "K、B = 兑现、违背的承诺数（未作承诺时按 1 计）",
    ),
    "formula.pipeline": (
        "50 × (1 − Ū) + 50 × max(0, 1 − F / 0.3); Ū = mean share of open deals "
        "stalled ≥ 15 days or dead; F = root mean square gap between the win chance "
        "you were shown and the true one, over every open deal every week",
        "50 × (1 − Ū) + 50 × max(0, 1 − F / 0.3)；Ū = 停滞 15 天以上或已无望项目的平均占比；"
        "F = 你看到的赢率与真实赢率之差的均方根（每周、每个在谈项目）",
    ),
    "formula.customers": (
        "100 × min(1, H_end / 0.6); H = potential-weighted mean relationship "
        "(a lost customer counts 0)",
        "100 × min(1, H_end / 0.6)；H = 按潜力加权的平均客户关系（流失客户计 0）",
    ),
    # the scorecard's working: each rule with this game's numbers put in
    "work.revenue": ("100 × min(1, {R} / {T}) = {v}", "100 × min(1, {R} / {T}) = {v}"),
    "work.engagement": (
        "100 × ({E_mean} − 0.30) / 0.50 = {v}",
        "100 × ({E_mean} − 0.30) / 0.50 = {v}",
    ),
    "work.attrition": ("100 × (1 − 2 × {L} / {N}) = {v}", "100 × (1 − 2 × {L} / {N}) = {v}"),
    "work.skills": (
        "50 + 400 × ({S_end} − {S_start}) = {v}",
        "50 + 400 × ({S_end} − {S_start}) = {v}",
    ),
    "work.trust": (
        "70 × min(1, {T_end} / 0.9) + 30 × {K} / ({K} + {B}) = {v}",
        "70 × min(1, {T_end} / 0.9) + 30 × {K} / ({K} + {B}) = {v}",
    ),
    "work.trust_none": (
        "70 × min(1, {T_end} / 0.9) + 30 × 1 = {v}  (no promise settled)",
        "70 × min(1, {T_end} / 0.9) + 30 × 1 = {v}（没有到期的承诺）",
    ),
    "work.pipeline": (
        "50 × (1 − {U_mean}) + 50 × max(0, 1 − {F} / 0.3) = {v}",
        "50 × (1 − {U_mean}) + 50 × max(0, 1 − {F} / 0.3) = {v}",
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


def tr(lang: str, key: str, **values: object) -> str:
    """The string ``key`` in ``lang`` ("en" or "zh"), with ``values`` filled in.

    An unknown key shows as itself, so a missing string is visible on screen
    and caught by the tests rather than crashing a game.
    """
    pair = STRINGS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "zh" else pair[0]
    return text.format(**values) if values else text


# values of a refusal that are amounts of money, and those that are hours
_MONEY_VALUES = {("no_budget", "need"), ("no_budget", "left"), ("small_bonus", "low")}
_HOUR_VALUES = {("no_hours", "need"), ("no_hours", "left")}


def refusal_text(refusal: object, lang: str, currency: str = "") -> str:
    """Why an action was refused (a :class:`~simulator.api.refusal.Refusal`), in words."""
    code = getattr(refusal, "code", "")
    values = dict(getattr(refusal, "values", {}) or {})
    for k, v in values.items():
        if (code, k) in _MONEY_VALUES and isinstance(v, int | float):
            values[k] = money(float(v), currency, lang) if currency else f"{v:,.0f}"
        elif (code, k) in _HOUR_VALUES and isinstance(v, int | float):
            values[k] = f"{v:g}"
        elif k == "pool" and has(f"pool.{v}"):
            values[k] = tr(lang, f"pool.{v}")
    key = f"refused.{code}"
    if not has(key):
        return code
    try:
        return tr(lang, key, **values)
    except (KeyError, IndexError, ValueError):
        return tr(lang, key, **{k: "?" for k in _placeholders(STRINGS[key][0])})


def _placeholders(text: str) -> list[str]:
    import string

    return [f for _, f, _, _ in string.Formatter().parse(text) if f]


def quota_unit(lang: str) -> float:
    """What one unit of a typed quota is worth: thousands in English, 万 (ten thousand) in
    Chinese, the way each counts money."""
    return 10_000.0 if lang == "zh" else 1_000.0


def joiner(lang: str) -> str:
    """The separator of a list of names or things: "、" in Chinese, ", " in English."""
    return "、" if lang == "zh" else ", "


def has(key: str) -> bool:
    return key in STRINGS


def money(amount: float, currency: str = "¥", lang: str = "en") -> str:
    """Money the way each language reads it: ¥1.20M / ¥640k, or ¥120万 / ¥1.2亿."""
    if lang == "zh":
        a = abs(amount)
        sign = "-" if amount < 0 else ""
        if a >= 1e8:
            return f"{sign}{currency}{a / 1e8:.2f}亿"
        if a >= 1e5:
            return f"{sign}{currency}{a / 1e4:.0f}万"
        if a >= 1e4:
            return f"{sign}{currency}{a / 1e4:.1f}万"
        return f"{sign}{currency}{a:.0f}"
    from .money import short_money

    return short_money(amount, currency)


def rep_name(view: object, lang: str) -> str:
    """A rep's name in the game's language (anything with ``name`` and ``name_zh``)."""
    if lang == "zh":
        return getattr(view, "name_zh", "") or getattr(view, "name", "")
    return getattr(view, "name", "")


def text_of(text: object, lang: str) -> str:
    """A scenario's bilingual :class:`~simulator.core.spec.Text` (or plain str) in ``lang``."""
    if hasattr(text, "get"):
        return str(text.get(lang))
    if isinstance(text, Mapping):
        return str(text.get(lang) or text.get("en") or "")
    return str(text)
