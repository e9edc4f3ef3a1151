/**
 * Real response bodies of the balance providers, verbatim from ../shared/provider-facts.md
 * (official docs and peers' fixtures), so fakes answer like the services do. Raw strings
 * where the exact digits of a JSON number matter.
 */

export const MOONSHOT = {
  healthy:
    '{"code":0,"data":{"available_balance":49.58894,"voucher_balance":46.58893,"cash_balance":3.00001},"scode":"0x0","status":true}',
  /** Debt: cash below zero, available equals the voucher balance. */
  debt: '{"code":0,"data":{"available_balance":5.5,"voucher_balance":5.5,"cash_balance":-12.34},"scode":"0x0","status":true}',
  depleted:
    '{"code":0,"data":{"available_balance":0,"voucher_balance":0,"cash_balance":0},"scode":"0x0","status":true}',
  auth: { error: { message: 'Invalid Authentication', type: 'invalid_authentication_error' } },
  outOfMoney: {
    error: {
      message:
        'Your account org-abc <ak-def> is suspended due to insufficient balance, please recharge your account or check your plan and billing details',
      type: 'exceeded_current_quota_error',
    },
  },
  rateLimited: {
    error: {
      message:
        'Your account org-abc request reached max concurrency: 3, please try again after 1 seconds',
      type: 'rate_limit_reached_error',
    },
  },
  overloaded: {
    error: {
      message: 'The engine is currently overloaded, please try again later',
      type: 'engine_overloaded_error',
    },
  },
  notOk: { code: 5, data: null, scode: '0x5', status: false },
  wrongShape: { balance: 12 },
};

export const OPENROUTER = {
  /** A key with a monthly limit (the documented example). */
  limited: {
    data: {
      label: 'sk-or-v1-au7...890',
      limit: 100,
      limit_remaining: 74.5,
      limit_reset: 'monthly',
      usage: 25.5,
      usage_daily: 25.5,
      usage_weekly: 25.5,
      usage_monthly: 25.5,
      byok_usage: 17.38,
      is_free_tier: false,
      is_management_key: false,
      is_provisioning_key: false,
      expires_at: '2027-12-31T23:59:59Z',
      rate_limit: { interval: '1h', requests: 1000 },
    },
  },
  /** An ordinary key without a cap: the account's money is invisible to it. */
  uncapped: {
    data: {
      label: 'sk-or-v1-0e6...1c9',
      limit: null,
      limit_remaining: null,
      usage: 3.1416,
      usage_daily: 0.25,
      usage_weekly: 1.5,
      usage_monthly: 3.1416,
      is_free_tier: false,
      is_management_key: false,
    },
  },
  /** A management key (old field name), no cap of its own. */
  management: {
    data: {
      label: 'mgmt',
      limit: null,
      limit_remaining: null,
      usage: 0,
      is_free_tier: false,
      is_provisioning_key: true,
    },
  },
  /** A capped key that has spent everything it may. */
  capSpent: {
    data: {
      label: 'sk-or-v1-aaa...bbb',
      limit: 10,
      limit_remaining: 0,
      usage: 10,
      is_management_key: false,
    },
  },
  credits: { data: { total_credits: 100.5, total_usage: 25.75 } },
  creditsZeros: { data: { total_credits: 0, total_usage: 0 } },
  creditsForbidden: {
    error: { code: 403, message: 'Only management keys can perform this operation' },
  },
  auth: { error: { message: 'User not found.', code: 401 } },
  noKey: { error: { message: 'No auth credentials found', code: 401 } },
  wrongShape: { key: 'value' },
};

export const SILICONFLOW = {
  healthy: {
    code: 20000,
    message: 'OK',
    status: true,
    data: {
      id: 'userid',
      name: 'username',
      image: '',
      email: '',
      isAdmin: false,
      balance: '0.88',
      status: 'normal',
      introduction: '',
      role: '',
      chargeBalance: '88.00',
      totalBalance: '88.88',
    },
  },
  depleted: {
    code: 20000,
    message: 'OK',
    status: true,
    data: {
      id: 'userid',
      name: 'username',
      balance: '0',
      status: 'normal',
      chargeBalance: '0',
      totalBalance: '0',
    },
  },
  frozen: {
    code: 20000,
    message: 'OK',
    status: true,
    data: {
      id: 'userid',
      name: 'username',
      balance: '0.00',
      status: 'frozen',
      chargeBalance: '50.00',
      totalBalance: '50.00',
    },
  },
  retired: { code: 20092, message: 'This API is no longer available', status: false, data: null },
  auth: '"Invalid token"',
  outOfMoney: { code: 30001, message: 'Sorry, your account balance is insufficient' },
  wrongShape: { code: 20000, data: { credits: 3 } },
};

export const STEPFUN = {
  healthy:
    '{"object":"account","type":"prepaid","balance":13.77,"total_cash_balance":0.00,"total_voucher_balance":13.77}',
  /** A peer's fixture where the totals do not add up to the balance (why they are facts only). */
  oddTotals: {
    object: 'account',
    type: 'prepaid',
    balance: 150,
    total_cash_balance: 200,
    total_voucher_balance: 50,
  },
  depleted: {
    object: 'account',
    type: 'prepaid',
    balance: 0,
    total_cash_balance: 0,
    total_voucher_balance: 0,
  },
  auth: { error: { message: 'Incorrect API key provided', type: 'invalid_api_key' } },
  wrongShape: { object: 'list', data: [] },
};

export const NOVITA = {
  healthy: {
    availableBalance: '1000000',
    cashBalance: '800000',
    creditLimit: '200000',
    pendingCharges: '0',
    outstandingInvoices: '0',
  },
  /** Odd units: 12345 = $1.2345 exactly. */
  odd: {
    availableBalance: '12345',
    cashBalance: '12345',
    creditLimit: '0',
    pendingCharges: '0',
    outstandingInvoices: '0',
  },
  depleted: {
    availableBalance: '0',
    cashBalance: '0',
    creditLimit: '0',
    pendingCharges: '0',
    outstandingInvoices: '2500',
  },
  auth: { code: 401, reason: 'INVALID_API_KEY', message: 'invalid api key' },
  wrongShape: { balance: 5 },
};

export const RELAY = {
  subscription: {
    object: 'billing_subscription',
    has_payment_method: true,
    soft_limit_usd: 20.0,
    hard_limit_usd: 20.0,
    system_hard_limit_usd: 20.0,
    access_until: 0,
  },
  unlimited: {
    object: 'billing_subscription',
    has_payment_method: true,
    soft_limit_usd: 100000000,
    hard_limit_usd: 100000000,
    system_hard_limit_usd: 100000000,
    access_until: 0,
  },
  usage: { object: 'list', total_usage: 100.0 },
  usageAll: { object: 'list', total_usage: 2000 },
  tokenUsage: {
    code: true,
    message: 'ok',
    data: {
      object: 'token_usage',
      name: 'work-key',
      total_granted: 10000000,
      total_used: 500000,
      total_available: 9500000,
      unlimited_quota: false,
      expires_at: 0,
    },
  },
  status: { success: true, data: { quota_per_unit: 500000, quota_display_type: 'USD' } },
  exhausted: {
    error: { message: '该令牌额度已用尽 (request id: 20260101abcdef)', type: 'one_api_error' },
  },
  userQuota: {
    error: {
      message: '用户额度不足, 剩余额度: ＄0.000000 (request id: 20260101abcdef)',
      type: 'new_api_error',
      param: '',
      code: 'insufficient_user_quota',
    },
  },
  invalid: { error: { message: '无效的令牌 (request id: 20260101abcdef)', type: 'one_api_error' } },
  expired: {
    error: { message: '该令牌已过期 (request id: 20260101abcdef)', type: 'one_api_error' },
  },
  wrongShape: { object: 'billing_subscription' },
};

/**
 * Answers of services users describe as a custom endpoint. Shapes taken from gateways that
 * expose a balance GET of their own: a nested object with a string amount and a lower-case
 * currency, an integer count of 1/10000 units, and an array of per-currency entries.
 */
export const CUSTOM = {
  nested: {
    code: 0,
    msg: 'ok',
    data: { balance: '12.3456', gift_balance: '2.00', currency: 'usd', email: 'dev@example.com' },
  },
  nestedEmpty: {
    code: 0,
    msg: 'ok',
    data: { balance: '0', gift_balance: '0', currency: 'usd', email: 'dev@example.com' },
  },
  units: { success: true, data: { quota: 1234500, used_quota: 99 } },
  byCurrency: {
    balances: [
      { currency: '¥', amount: 49.58894 },
      { currency: '$', amount: 3 },
    ],
  },
  refused: { error: { message: 'invalid token', type: 'authentication_error' } },
  wrongShape: { code: 0, msg: 'ok', data: { currency: 'usd' } },
};
