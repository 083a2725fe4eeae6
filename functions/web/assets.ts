import { createHash } from 'node:crypto';
import { Hono } from 'hono';

/**
 * The one stylesheet of every page (GOV.UK / MOJ patterns, our own look): 19 px body text, one column
 * from 320 px up, visible focus, status as text first and colour second. Served from the same origin
 * so the CSP needs no 'unsafe-inline'; its URL carries a hash of the content, so it is cached for good.
 */
const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:1.1875rem;line-height:1.45;color:#0b0c0c;background:#f3f2f1}
a{color:#1d4ed8;text-underline-offset:.15em}a:visited{color:#5b21b6}a:hover{color:#0b3a8d}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
.skip{position:absolute;left:-9999px}.skip:focus{left:.5rem;top:.5rem;background:#fd0;color:#0b0c0c;padding:.5rem;z-index:9}
.header{background:#0b3a5d;color:#fff;border-bottom:6px solid #1d70b8}
.header-inner{max-width:60rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;justify-content:space-between}
.brand{color:#fff;text-decoration:none;font-weight:700;line-height:1.2}.brand:visited{color:#fff}.brand small{display:block;font-weight:400;font-size:.85rem}
.header .button-link{color:#fff}.header form{margin:0}
.nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0;list-style:none;font-size:1rem}.nav a{color:#fff}
.main{max-width:60rem;margin:0 auto;padding:1rem 1rem 3rem;background:#fff;min-height:60vh}
h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0 1rem}h2{font-size:1.35rem;margin:1.75rem 0 .75rem}h3{font-size:1.15rem;margin:1.25rem 0 .5rem}
p,ul,ol,dl{margin:0 0 1rem}li{margin-bottom:.35rem}
.lead{font-size:1.3rem}.small{font-size:1rem}.muted{color:#505a5f}
.maklumat{margin:0 0 1.5rem;padding:1rem 1.25rem;border-left:5px solid #1d70b8;background:#fff}.maklumat p{margin:0 0 .5rem;font-size:1.25rem}.maklumat footer{font-weight:700}
.nowrap{white-space:nowrap}.prewrap{white-space:pre-wrap}.hash{word-break:break-all}.chart{margin:0 0 1rem}.chart svg{width:100%;max-width:640px;height:auto}.qr svg{width:180px;height:180px}
.summary{margin:0 0 1.5rem;border-top:1px solid #b1b4b6}
.summary>div{padding:.6rem 0;border-bottom:1px solid #b1b4b6}
.summary dt{font-weight:700;margin:0 0 .15rem}.summary dd{margin:0}
@media (min-width:40rem){.summary>div{display:grid;grid-template-columns:minmax(9rem,30%) 1fr;gap:1rem}.summary dt{margin:0}}
.tag{display:inline-block;padding:.1rem .45rem;font-size:1rem;font-weight:700;letter-spacing:.02em;border-radius:2px;background:#d2e2f1;color:#0b3a5d}
.tag-green{background:#cce2d8;color:#005a30}.tag-red{background:#f6d7d2;color:#942514}.tag-yellow{background:#fff7bf;color:#594d00}.tag-grey{background:#e5e7eb;color:#383f43}
.sheet{background:#fff;border:1px solid #b1b4b6;box-shadow:0 2px 6px rgba(0,0,0,.12);padding:1.25rem;margin:0 0 1.5rem;font-family:"Liberation Serif","Times New Roman",serif;font-size:1rem;overflow-wrap:anywhere}
.sheet-head{text-align:center;border-bottom:3px double #0b0c0c;padding-bottom:.5rem;margin-bottom:1rem}.sheet-head>*{display:block}.sheet-office{font-size:1.15rem}
.sheet-right{margin-left:auto;max-width:22rem}.sheet-rows{display:grid;grid-template-columns:minmax(6rem,12rem) 1fr;gap:.1rem .75rem;margin:0 0 1rem}.sheet-rows dt{font-weight:400}.sheet-rows dd{margin:0}
.sheet-sign{margin:1.5rem 0 0 auto;max-width:22rem;text-align:center;display:flex;flex-direction:column}.sheet-seal{border:1px dashed #1d70b8;color:#1d70b8;margin:.5rem 0;padding:1rem .5rem}
.panel{padding:1rem;border:5px solid #1d70b8;margin:0 0 1.5rem}.panel-green{border-color:#00703c;background:#f3faf6}
.panel.blocked{border-width:0 0 0 5px;border-color:#b1b4b6;background:#f3f2f1;padding:.75rem 1rem}.panel.blocked p{margin:0 0 .5rem}details>summary{cursor:pointer;color:#1d70b8;text-decoration:underline;margin:.5rem 0}
.banner{border:5px solid #1d70b8;margin:0 0 1.5rem}.banner-title{background:#1d70b8;color:#fff;margin:0;padding:.25rem .75rem;font-size:1rem;font-weight:700}
.banner-body{padding:.75rem}.banner-success{border-color:#00703c}.banner-success .banner-title{background:#00703c}
.warning{border-left:10px solid #b1b4b6;padding:.5rem 0 .5rem 1rem;margin:0 0 1.5rem}
.error-summary{border:5px solid #d4351c;padding:1rem;margin:0 0 1.5rem}.error-summary h2{margin-top:0}.error-summary a{color:#d4351c;font-weight:700}
.error-message{color:#d4351c;font-weight:700;margin:0 0 .35rem}
.field{margin:0 0 1.5rem}.field-error{border-left:5px solid #d4351c;padding-left:.75rem}
label,.label,legend{display:block;font-weight:700;margin:0 0 .35rem}.hint{color:#505a5f;margin:0 0 .35rem}
input[type=text],input[type=email],input[type=tel],input[type=search],input[type=date],input[type=time],input[type=month],input[type=number],input[type=url],select,textarea{font:inherit;width:100%;max-width:32rem;padding:.4rem;border:2px solid #0b0c0c;border-radius:0;background:#fff}
textarea{min-height:6rem}.input-short{max-width:14rem}
fieldset{border:0;padding:0;margin:0 0 1.5rem}
.check{display:flex;gap:.6rem;align-items:flex-start;margin:.4rem 0}.check input{width:1.5rem;height:1.5rem;margin:.15rem 0 0;flex:none}.check label{font-weight:400;margin:0}
.button{display:inline-block;font:inherit;font-weight:600;line-height:1.2;padding:.55rem .9rem;min-height:2.75rem;border:0;border-radius:0;box-shadow:0 2px 0 #002d18;background:#00703c;color:#fff;cursor:pointer;text-decoration:none;margin:0 .5rem .75rem 0}
.button:visited{color:#fff}.button:hover{background:#005a30;color:#fff}
.button-secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}.button-secondary:visited{color:#0b0c0c}.button-secondary:hover{background:#dbdad9;color:#0b0c0c}
.button-warning{background:#d4351c;box-shadow:0 2px 0 #55150b}.button-warning:hover{background:#aa2a16}
.button-link{background:none;border:0;box-shadow:none;color:#1d4ed8;text-decoration:underline;padding:0;min-height:0;font-weight:400}
.table-wrap{overflow-x:auto;margin:0 0 1.5rem}
table{border-collapse:collapse;width:100%;font-size:1rem}th,td{text-align:left;vertical-align:top;padding:.5rem .5rem .5rem 0;border-bottom:1px solid #b1b4b6}th{font-weight:700}
.cards{list-style:none;padding:0;margin:0 0 1.5rem}.card{border:1px solid #b1b4b6;border-left:5px solid #1d70b8;padding:.75rem;margin:0 0 .75rem;background:#fff}
.card h3{margin:0 0 .25rem;font-size:1.1rem}.card p{margin:0 0 .25rem}
.card-red{border-left-color:#d4351c}.card-yellow{border-left-color:#ffdd00}.card-green{border-left-color:#00703c}
.block{display:block}
.card-muted{border-left-color:#b1b4b6;background:#f3f2f1}
.card-compact{padding:.5rem .75rem}.card-compact h3{font-size:1rem;margin:0 0 .25rem}.card-compact p{margin:0 0 .25rem}.card-compact summary{font-size:.875rem}.card-compact details{margin:0}
.grid{display:grid;gap:1rem}@media (min-width:48rem){.grid-2{grid-template-columns:1fr 1fr}.grid-3{grid-template-columns:repeat(3,1fr)}}
.steps{padding-left:1.5rem}.steps li{margin-bottom:.6rem}
.timeline{list-style:none;padding:0;margin:0 0 1.5rem;border-left:5px solid #1d70b8}.timeline li{padding:0 0 1rem 1rem;margin:0}
.timeline h3{margin:0;font-size:1.05rem}.timeline p{margin:.15rem 0}
.tabs{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:0 0 1rem;border-bottom:1px solid #b1b4b6}.tabs a{display:inline-block;padding:.35rem 0}
.pagination{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:1rem 0}
.filters{background:#f3f2f1;padding:1rem;margin:0 0 1.5rem}.filters .field{margin-bottom:1rem}
.footer{max-width:60rem;margin:0 auto;padding:1.5rem 1rem;font-size:1rem;color:#383f43}
.tn{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:nowrap;font-weight:700}
details{margin:0 0 1.5rem}summary{cursor:pointer}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{.header,.nav,.footer,.button{display:none}}
`;

const VERSION = createHash('sha256').update(CSS).digest('hex').slice(0, 12);
export const STYLESHEET_PATH = `/aset/loket-${VERSION}.css`;

export const assetRoutes = () => {
  const app = new Hono();
  app.get(STYLESHEET_PATH, (c) => {
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  return app;
};
