// Material for MkDocs 9.8.1's head script (its partials/javascripts/base.html), in one file instead of
// inline in every page (overrides/partials/javascripts/base.html). Material writes the site's root
// into each page ("../.."); this file lives at <root>/assets/javascripts/, so the root is two folders
// above its own address. The rest is Material's code as it ships it.
__md_scope=new URL("../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
