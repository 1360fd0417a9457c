import type { DomainDefinition } from '../types';

const domain = 'supply-chain' as const;

/** Asked only of companies with physical products: every question carries the `physicalProducts` condition. */
export const supplyChain: DomainDefinition = {
  id: domain,
  name: 'Supply Chain & Operations',
  description:
    'For companies that make, buy or ship physical products: how reliable the suppliers are, how well stock is planned and controlled, and how products reach customers in good condition.',
  questions: [
    {
      id: 'sc-01',
      domain,
      topic: 'supplier reliability',
      prompt: 'How reliably do your suppliers deliver the right goods, on time and in full?',
      options: [
        'We measure on-time-in-full for every key supplier monthly; all are above 95%',
        'Most key suppliers deliver reliably; we measure the important ones',
        'Delivery is usually fine, but we do not measure it and late deliveries are common',
        'Late or short deliveries regularly disrupt our production or orders',
        'Supplier failures have caused us to miss customer orders several times this year',
      ],
      conditions: ['physicalProducts'],
      followUps: [
        {
          id: 'sc-01-f1',
          prompt: 'Which supplier causes the most disruption, and what have you tried with them?',
        },
        {
          id: 'sc-01-f2',
          prompt: 'What do late or short deliveries cost you each month (expediting, lost sales)?',
        },
      ],
      weakPractice:
        'Supplier delivery performance is not measured, and late or short deliveries disrupt customer orders.',
      strength: 'Key suppliers measured monthly on on-time-in-full delivery and performing well.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Start a supplier scorecard',
          action:
            'For your ten largest suppliers, record on-time-in-full delivery, quality rejects and lead time each month, and share the scorecard with them.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Hold performance reviews with problem suppliers',
          action:
            'Meet the worst-performing suppliers with the scorecard, agree improvement actions and dates, and write service levels into the next contract.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.4,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.3,
          strategicImpact: 0.4,
        },
      ],
    },
    {
      id: 'sc-02',
      domain,
      topic: 'supplier concentration',
      prompt: 'How dependent are you on single suppliers for critical materials or products?',
      options: [
        'Every critical item has a qualified second source or a tested contingency',
        'Most critical items have an alternative we could switch to within weeks',
        'Several critical items rely on one supplier, but we know which ones',
        'We depend on single suppliers for many critical items and have no alternatives lined up',
        'Losing one supplier would stop our business for months',
      ],
      conditions: ['physicalProducts'],
      followUps: [{ id: 'sc-02-f1', prompt: 'Which single supplier would hurt most if it failed tomorrow?' }],
      weakPractice:
        'Critical materials depend on single suppliers with no alternative, putting continuity at risk.',
      strength: 'Critical items are dual-sourced or covered by tested contingencies.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'List single-source critical items',
          action:
            'List every item without which you cannot ship, mark which have only one supplier, and estimate how long you could operate if that supplier stopped.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.2,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
        {
          horizon: 'strategic',
          title: 'Qualify second sources for the riskiest items',
          action:
            'For the highest-risk single-source items, qualify an alternative supplier with trial orders, or hold safety stock to cover the switching time.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.4,
          efficiencyImpact: 0.3,
          competitiveImpact: 0.3,
          strategicImpact: 0.8,
        },
      ],
    },
    {
      id: 'sc-03',
      domain,
      topic: 'inventory control',
      prompt: 'How well do you control stock levels and accuracy?',
      options: [
        'System stock matches physical stock within 1–2%, reorder points are set per item, and stock-outs are rare',
        'Stock records are mostly accurate and we reorder on a regular schedule',
        'We count stock periodically and often find differences; reordering is by eye',
        'We regularly run out of fast sellers while slow items pile up',
        'We do not know what stock we hold or what it is worth',
      ],
      conditions: ['physicalProducts'],
      followUps: [
        { id: 'sc-03-f1', prompt: 'How much slow-moving or obsolete stock are you holding today?' },
        { id: 'sc-03-f2', prompt: 'How often did you run out of a key item last quarter?' },
      ],
      weakPractice:
        'Stock is neither accurate nor planned, so fast sellers run out while cash is tied up in slow stock.',
      strength: 'Accurate stock records and item-level reorder points with rare stock-outs.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Classify stock by value and movement',
          action:
            'Sort items into A, B and C by annual sales value. Count A items weekly, set reorder points for them first, and list slow movers for clearance.',
          impact: 'high',
          effort: 'low',
          revenueImpact: 0.4,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Introduce cycle counting',
          action:
            'Replace the annual count with rolling counts of a portion of items every week, and investigate every difference above a set tolerance.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.1,
          strategicImpact: 0.3,
        },
        {
          horizon: 'strategic',
          title: 'Move to system-driven replenishment',
          action:
            'Use your inventory or ERP system to calculate reorder points and quantities from demand and lead times, and review exceptions rather than every item.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.4,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.3,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'sc-04',
      domain,
      topic: 'demand planning',
      prompt: 'How do you plan what to buy or make based on expected demand?',
      options: [
        'A monthly demand forecast by product, reviewed with sales, with accuracy measured and improving',
        'A forecast for main product lines, updated regularly',
        'We buy or make based on last year’s sales and instinct',
        'We react to orders as they come and often scramble',
        'Planning is so poor that we regularly expedite at high cost or disappoint customers',
      ],
      conditions: ['physicalProducts'],
      weakPractice:
        'Purchasing and production are not planned from a demand forecast, causing shortages and costly expediting.',
      strength: 'A monthly product-level demand forecast agreed with sales and measured for accuracy.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Build a monthly demand forecast with sales',
          action:
            'Each month, combine sales history, the pipeline and known promotions into a forecast for the top products, agreed between sales and operations.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.5,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.4,
        },
        {
          horizon: 'quick-win',
          title: 'Measure forecast accuracy',
          action:
            'Compare last month’s forecast with actual sales by product and record the error. Focus improvement on the products with the largest errors.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.1,
          strategicImpact: 0.3,
        },
      ],
    },
    {
      id: 'sc-05',
      domain,
      topic: 'logistics and delivery',
      prompt: 'How well do you get orders to customers on time and at a sensible cost?',
      options: [
        'Over 98% of orders ship on time; delivery cost per order is tracked and carriers are reviewed regularly',
        'Most orders arrive on time and delivery costs are known',
        'Delivery performance is not measured; customers sometimes complain',
        'Late or damaged deliveries are common and delivery costs keep rising',
        'Delivery problems are a leading cause of complaints and lost customers',
      ],
      conditions: ['physicalProducts'],
      weakPractice:
        'Delivery performance and cost are not managed, leading to late or damaged orders and rising costs.',
      strength: 'Measured on-time delivery above 98% with tracked cost per order.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Track on-time delivery and cost per order',
          action:
            'Use carrier data to record on-time delivery, damage rate and cost per order each week, split by carrier and region.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.3,
          strategicImpact: 0.2,
        },
        {
          horizon: '30-90-days',
          title: 'Retender carrier contracts',
          action:
            'Use the tracked data to request quotes from alternative carriers, and move volume to those offering better reliability and price.',
          impact: 'medium',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.3,
          strategicImpact: 0.3,
        },
      ],
    },
    {
      id: 'sc-06',
      domain,
      topic: 'product quality assurance',
      prompt: 'How do you make sure the products you receive and ship meet your quality standard?',
      options: [
        'Written specifications, inspection at goods-in and before dispatch, and defect rates tracked by supplier and product',
        'We inspect key items and track major defects',
        'Checks depend on who is working; defects are dealt with as they appear',
        'Customers often find defects before we do',
        'Quality failures have led to recalls, large refunds or lost accounts',
      ],
      conditions: ['physicalProducts'],
      weakPractice: 'Product quality is not inspected systematically, so defects reach customers.',
      strength: 'Specifications, inspections at goods-in and dispatch, and defect tracking by supplier.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Add a goods-in inspection checklist',
          action:
            'Write a short inspection checklist for your highest-volume items and check a sample from every delivery before it enters stock.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.3,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.3,
          strategicImpact: 0.2,
        },
        {
          horizon: 'strategic',
          title: 'Build a quality management system',
          action:
            'Document specifications, inspection plans, non-conformance handling and corrective actions, working towards a standard such as ISO 9001 if customers expect it.',
          impact: 'high',
          effort: 'high',
          revenueImpact: 0.4,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.6,
          strategicImpact: 0.5,
        },
      ],
    },
    {
      id: 'sc-07',
      domain,
      topic: 'procurement and cost of goods',
      prompt: 'How actively do you manage what you pay for materials, products and freight?',
      options: [
        'Major categories are tendered regularly, prices benchmarked, and cost of goods tracked against targets',
        'We negotiate with main suppliers each year',
        'We mostly accept suppliers’ price increases',
        'Different people buy the same items at different prices',
        'We do not know how our purchase prices compare with the market',
      ],
      conditions: ['physicalProducts'],
      weakPractice:
        'Purchasing is not managed as a discipline, so the company overpays for materials and freight.',
      strength: 'Regular tendering, price benchmarking and cost-of-goods targets.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Analyse spend by supplier and category',
          action:
            'Export 12 months of purchases, group them by category and supplier, and find the top ten categories by spend for negotiation.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.1,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.3,
        },
        {
          horizon: '30-90-days',
          title: 'Tender the two largest categories',
          action:
            'Run a competitive quote process for the two largest spend categories, consolidating volume to improve terms.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.2,
          efficiencyImpact: 0.8,
          competitiveImpact: 0.4,
          strategicImpact: 0.3,
        },
      ],
    },
    {
      id: 'sc-08',
      domain,
      topic: 'sales and operations planning',
      prompt: 'How do sales, finance and operations agree a single plan for supply and demand?',
      options: [
        'A monthly sales and operations planning meeting agrees one plan for demand, supply, stock and cash',
        'Sales and operations meet regularly to align plans',
        'Plans are shared by email and often conflict',
        'Sales promise what operations cannot deliver, and operations learn about big orders late',
        'There is no joint planning at all',
      ],
      conditions: ['physicalProducts', 'revenueOver10m'],
      weakPractice:
        'Sales, finance and operations plan separately, so promises, stock and cash are out of step.',
      strength: 'A monthly sales and operations planning cycle that agrees one plan.',
      recommendations: [
        {
          horizon: '30-90-days',
          title: 'Start a monthly S&OP meeting',
          action:
            'Hold a monthly meeting of sales, operations and finance leads with a fixed agenda: demand review, supply constraints, stock and cash impact, decisions.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.5,
          efficiencyImpact: 0.7,
          competitiveImpact: 0.3,
          strategicImpact: 0.6,
        },
        {
          horizon: 'strategic',
          title: 'Link the plan to financial forecasts',
          action:
            'Feed the agreed volume plan into the financial forecast so stock investment, margin and cash are planned from the same numbers.',
          impact: 'medium',
          effort: 'high',
          revenueImpact: 0.3,
          efficiencyImpact: 0.6,
          competitiveImpact: 0.2,
          strategicImpact: 0.7,
        },
      ],
    },
    {
      id: 'sc-09',
      domain,
      topic: 'consumer fulfilment and returns',
      prompt: 'How well do you handle consumer order fulfilment and returns?',
      options: [
        'Orders ship same or next day, returns are processed within days, and return reasons are analysed monthly',
        'Fulfilment is reliable and returns are processed within a week or two',
        'Fulfilment slows at busy times; returns pile up',
        'Customers complain about slow dispatch and slow refunds',
        'Returns are not tracked, and returned stock is often lost or written off',
      ],
      conditions: ['physicalProducts', 'b2c'],
      weakPractice:
        'Consumer fulfilment and returns are slow and untracked, harming repeat purchase and wasting stock.',
      strength: 'Fast fulfilment and returns processing with monthly analysis of return reasons.',
      recommendations: [
        {
          horizon: 'quick-win',
          title: 'Record a reason for every return',
          action:
            'Add a required return reason at the point of return and review the top reasons each month with product and marketing.',
          impact: 'medium',
          effort: 'low',
          revenueImpact: 0.4,
          efficiencyImpact: 0.4,
          competitiveImpact: 0.3,
          strategicImpact: 0.2,
        },
        {
          horizon: '30-90-days',
          title: 'Set dispatch and refund targets',
          action:
            'Set targets for dispatch time and refund time, measure them daily, and plan extra capacity for peak periods.',
          impact: 'high',
          effort: 'medium',
          revenueImpact: 0.5,
          efficiencyImpact: 0.5,
          competitiveImpact: 0.5,
          strategicImpact: 0.3,
        },
      ],
    },
  ],
};
