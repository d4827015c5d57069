"""The levers: each action's name and what it is for, and why one may be refused."""

from __future__ import annotations

# key: (English, Simplified Chinese)
STRINGS: dict[str, tuple[str, str]] = {
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
    "act.read_type": ("Your read", "你的判断"),
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
        "Hand a task to a deputy — keep a light hand on it, and share the reward.",
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
    "why.read_type": (
        "Note what you believe drives them, from their hints and reactions. No time; "
        "only an assessment confirms it, and the debrief scores your reads.",
        "根据线索和反应，记下你认为驱动此人的类型。不花时间；只有测评能确认，复盘会为你的判断打分。",
    ),
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
    "refused.no_territory": (
        "no account is unowned, and their book is no thinner than the team's",
        "没有空闲客户，且此人的客户数不少于团队平均",
    ),
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
    "refused.type_known": ("their type is already known", "此人的类型已经知道"),
    "refused.same_read": ("that is already your read", "这已是你的判断"),
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
}
