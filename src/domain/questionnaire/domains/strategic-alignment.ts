import type { DomainDefinition } from '../types';

const domain = 'strategic-alignment' as const;

export const strategicAlignment: DomainDefinition = {
  id: domain,
  name: 'Strategic Alignment & Vision',
  description:
    'Whether the company knows where it is going over the next three years, turns that into a few priorities, funds them, and moves everyone in the same direction.',
  questions: [
    {
      id: 'sa-01',
      domain,
      topic: 'three-year vision',
      prompt: 'How clearly is your three-year vision written down and understood by your leadership team?',
      options: [
        'A written three-year plan with measurable targets; every leader can state it in the same words',
        'A written vision with a few targets; leaders describe it broadly the same way',
        'The founders share a vision, but it is mostly in their heads and only partly written down',
        'We talk about where we want to be, but leaders would each describe a different destination',
        'We have no view beyond the next year; we react to what comes in',
      ],
      followUps: [
        { id: 'sa-01-f1', prompt: 'What stops you from writing the three-year picture down today?' },
        {
          id: 'sa-01-f2',
          prompt: 'Where have leaders pulled in different directions in the last six months?',
        },
      ],
      weakPractice:
        'There is no shared, written three-year vision, so leaders steer towards different destinations.',
      strength:
        'A written three-year vision with measurable targets that the leadership team states consistently.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Write a one-page three-year picture',
          action:
            'Hold a half-day leadership session and agree one page: revenue, margin, customers served, team size and the one thing you will be known for in three years. Circulate it the same week.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.4,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.4,
          strategicImpact: 0.9,
        },
        {
          horizon: '30-90-days',
          title: 'Test the vision against the numbers',
          action:
            'Build a simple three-year model that shows the hires, cash and sales capacity the vision needs. Adjust targets until the plan is ambitious but fundable.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.5,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.3,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'sa-02',
      domain,
      topic: 'annual priorities',
      prompt: 'How many company-wide priorities are you working on this year, and how are they chosen?',
      options: [
        'Three to five ranked priorities, each with an owner and a measurable target, reviewed quarterly',
        'A short list of priorities with owners, though targets are not always measurable',
        'A list of eight or more priorities, loosely ranked',
        'Priorities change month to month depending on who made the strongest case most recently',
        'We have no stated priorities; everything is urgent',
      ],
      weakPractice:
        'Company priorities are too many or unranked, so effort is spread thin and nothing finishes.',
      strength: 'A short, ranked list of owned, measurable company priorities.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Cut the list to three ranked priorities',
          action:
            'List every initiative in flight, rank them by expected impact on the three-year targets, and formally park everything below the top three. Tell the team what was parked and why.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.4,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.3,
          strategicImpact: 0.8,
        },
        {
          horizon: '30-90-days',
          title: 'Give each priority an owner and a number',
          action:
            'Assign one accountable leader per priority with a target that can be checked at quarter end (for example "cut onboarding time from 30 to 10 days"). Review progress in the monthly leadership meeting.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'sa-03',
      domain,
      topic: 'resource allocation against priorities',
      prompt:
        'When you decide where budget and people go, how much do your stated priorities drive the decision?',
      options: [
        'Every budget and hiring request is checked against the priorities; we have said no to good ideas because of them',
        'Priorities guide most large spending decisions, with occasional exceptions',
        'Priorities are considered, but last year’s budget and habit drive most allocation',
        'Resources go to whoever shouts loudest or to the founder’s latest idea',
        'There is no link between our priorities and where money and people actually go',
      ],
      followUps: [
        { id: 'sa-03-f1', prompt: 'Which priority is most short of people or money right now?' },
        { id: 'sa-03-f2', prompt: 'Roughly how much spend goes to work that is not on the priority list?' },
      ],
      weakPractice:
        'Budget and headcount are allocated by habit or lobbying rather than by the stated priorities.',
      strength: 'Budget and hiring decisions are explicitly tested against the company priorities.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Map spend and people to priorities',
          action:
            'Take this quarter’s budget and headcount and tag each line to a priority or "business as usual". Share the split with leaders and move at least one resource from unaligned work.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
        {
          horizon: '30-90-days',
          title: 'Introduce a priority test for new spend',
          action:
            'Require any new hire or spend above an agreed threshold to name the priority it serves and the expected result. Reject or defer requests that cannot.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.4,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.3,
          strategicImpact: 0.8,
        },
        {
          horizon: 'strategic',
          title: 'Move to zero-based annual planning',
          action:
            'Build next year’s budget from the priorities down rather than from last year’s numbers up, so each team justifies its resources against the plan.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.4,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.3,
          strategicImpact: 0.9,
        },
      ],
    },
    {
      id: 'sa-04',
      domain,
      topic: 'goals cascading to teams',
      prompt: 'How well do company goals translate into team and individual goals?',
      options: [
        'Every team has quarterly goals visibly linked to company goals, and individuals know how their work contributes',
        'Most teams set goals linked to company goals, though links are sometimes loose',
        'Some teams set goals, but there is no consistent link to company goals',
        'Teams work from their own to-do lists; company goals are announced but not translated',
        'Nobody below the leadership team knows what the company goals are',
      ],
      weakPractice:
        'Company goals are not translated into team goals, so day-to-day work is disconnected from strategy.',
      strength: 'Team and individual goals are visibly linked to company goals each quarter.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Ask each team for three linked goals',
          action:
            'Ask every team lead to write three quarterly goals and name the company priority each one supports. Publish them in one shared document.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.8,
        },
        {
          horizon: '30-90-days',
          title: 'Adopt a light quarterly goal cycle',
          action:
            'Run a simple OKR-style cycle: company goals set two weeks before the quarter, team goals one week before, a mid-quarter check and a short end-of-quarter review.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.3,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.3,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'sa-05',
      domain,
      topic: 'leadership team alignment',
      prompt: 'When your leadership team makes a major decision, what happens afterwards?',
      options: [
        'We debate openly, decide, and everyone supports the decision in public even if they argued against it',
        'Decisions usually stick, with occasional reopening of settled questions',
        'Decisions are made, but some leaders quietly carry on as before',
        'Decisions are regularly reopened or undermined outside the meeting',
        'There is no real leadership forum; the founder decides and others work around it',
      ],
      weakPractice:
        'Leadership decisions do not stick: they are reopened or quietly ignored, so teams receive mixed signals.',
      strength: 'A leadership team that debates openly and then commits to decisions as one.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Record decisions and owners in every leadership meeting',
          action:
            'End each leadership meeting by reading back the decisions, the owner and the date, and log them in a shared decision register that is reviewed at the next meeting.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
        {
          horizon: '30-90-days',
          title: 'Agree leadership operating rules',
          action:
            'Write down how the leadership team makes decisions (who decides, who is consulted, how disagreement is handled) and commit to "disagree and commit" once a decision is logged.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.3,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'sa-06',
      domain,
      topic: 'strategy review cadence',
      prompt: 'How often do you step back and review whether your strategy is still right?',
      options: [
        'A quarterly strategy review with data on market, customers and results, and an annual deep review',
        'An annual strategy offsite with occasional check-ins during the year',
        'We review strategy when something goes wrong or an investor asks',
        'Strategy comes up informally between founders but is never reviewed formally',
        'We have never reviewed our strategy since starting the company',
      ],
      weakPractice:
        'Strategy is not reviewed on a regular rhythm, so it drifts out of date without anyone noticing.',
      strength: 'A regular strategy review rhythm backed by market and performance data.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Book four quarterly strategy reviews',
          action:
            'Put four half-day strategy reviews in the diary for the next year, separate from operational meetings, with a fixed agenda: results, market changes, customer signals, decisions.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.5,
          strategicImpact: 0.8,
        },
        {
          horizon: '30-90-days',
          title: 'Build a one-page strategy dashboard',
          action:
            'Pick six to eight indicators that tell you whether the strategy is working (for example win rate in target segment, gross margin, net revenue retention) and bring them to every review.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.3,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.4,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'sa-07',
      domain,
      topic: 'speed of strategic pivots',
      prompt:
        'When the evidence says a strategic bet is not working (a product, market or segment), how quickly do you change course?',
      options: [
        'We set kill criteria up front and act within weeks when they are met',
        'We change course within a quarter once the evidence is clear',
        'It takes six months or more of debate before we change course',
        'We keep funding failing bets for a year or more because nobody wants to call it',
        'We have never stopped a major initiative, even ones everyone agrees are failing',
      ],
      followUps: [
        {
          id: 'sa-07-f1',
          prompt: 'Which initiative do you suspect should be stopped, and what keeps it going?',
        },
        { id: 'sa-07-f2', prompt: 'What does that initiative cost you each month in people and money?' },
      ],
      weakPractice:
        'Failing strategic bets are kept alive long after the evidence is clear, tying up people and cash.',
      strength:
        'Strategic bets carry kill criteria and the company changes course quickly when they are met.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Review every initiative against a stop-or-continue test',
          action:
            'List current initiatives with their cost and results to date. For each one, ask "would we start this today knowing what we know?" and stop at least the weakest one.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.4,
          strategicImpact: 0.7,
        },
        {
          horizon: '30-90-days',
          title: 'Set kill criteria for new bets',
          action:
            'For every new product, market or channel bet, write down before launch what result by what date would make you stop, and review it on that date.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.5,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'sa-08',
      domain,
      topic: 'competitive positioning',
      prompt: 'How clearly can you say why your target customers choose you over the alternatives?',
      options: [
        'We have a written positioning, tested with win/loss data, and sales and marketing use it consistently',
        'We know our main differentiators and most of the team can explain them',
        'We have a general idea, but different people give different reasons',
        'We mostly compete on price or relationships and struggle to say what else sets us apart',
        'We do not know why customers choose us or who our real competitors are',
      ],
      weakPractice:
        'The company cannot say clearly why customers choose it, so it drifts into competing on price.',
      strength: 'A clear, evidence-backed positioning used consistently across sales and marketing.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Interview five recent wins and five losses',
          action:
            'Call five customers who recently bought and five prospects who chose someone else. Ask what they compared, what tipped the decision, and what nearly stopped them.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.6,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.8,
          strategicImpact: 0.6,
        },
        {
          horizon: '30-90-days',
          title: 'Write and roll out a positioning statement',
          action:
            'Using the interviews, write one page naming the target customer, the problem, the alternatives and the two or three reasons you win. Train sales and rewrite the website around it.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.7,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.9,
          strategicImpact: 0.6,
        },
      ],
    },
    {
      id: 'sa-09',
      domain,
      topic: 'strategy understood across the organisation',
      prompt:
        'If you asked ten employees outside the leadership team to explain the company strategy, what would you hear?',
      options: [
        'Nine or ten would name our top priorities and how their team contributes',
        'Most would name the priorities, though some would be vague on their own part',
        'About half would give a rough answer',
        'A few managers could answer; most staff would not know',
        'Almost nobody could answer, and some would be surprised we have a strategy',
      ],
      conditions: ['over50Employees'],
      weakPractice:
        'Most employees cannot describe the strategy, so decisions below leadership level are not aligned.',
      strength: 'Employees across the company can explain the strategy and their part in it.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Run a short strategy pulse survey',
          action:
            'Ask all staff two questions anonymously: "what are our top three priorities?" and "how does your work contribute?". Use the answers as a baseline.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
        {
          horizon: '30-90-days',
          title: 'Hold a quarterly all-hands on strategy',
          action:
            'Open each quarter with an all-hands that covers the priorities, progress against them and what changes this quarter. Ask managers to repeat the message in team meetings that week.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.2,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'sa-10',
      domain,
      topic: 'board oversight of strategy',
      prompt: 'How does your board (or investors and advisers) engage with the strategy?',
      options: [
        'The board approves the strategy annually, tracks it quarterly against agreed measures and challenges us constructively',
        'The board discusses strategy at most meetings, with some tracking of progress',
        'Board meetings are mostly backward-looking financial reporting',
        'Board and management disagree on direction and it is not resolved',
        'We have no functioning board or advisory structure',
      ],
      conditions: ['revenueOver10m'],
      weakPractice:
        'The board does not own or track the strategy, so the company lacks external challenge at scale.',
      strength: 'A board that approves, tracks and constructively challenges the strategy.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Restructure the board pack around the strategy',
          action:
            'Rebuild the board pack so that the first section tracks the strategic priorities and their indicators, and financial detail moves to an appendix.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.2,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.2,
          strategicImpact: 0.8,
        },
        {
          horizon: 'strategic',
          title: 'Add an independent non-executive director',
          action:
            'Recruit a non-executive who has scaled a company past your next revenue milestone, with a clear brief to challenge strategy and execution.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.3,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.4,
          strategicImpact: 0.9,
        },
      ],
    },
  ],
};
