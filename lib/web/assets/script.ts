/**
 * The portal's one script, and all it does: nothing a page needs. Every page works without it. With it:
 * `html.js` (so `.js-only` controls such as "print" appear), a live count under text areas that have
 * `data-maxlength`, and print buttons (`data-print`). Plain ES2017 for old browsers and WeChat's.
 */
export const script = String.raw`(function(){
"use strict";
document.documentElement.className+=" js";
function counters(){
var areas=document.querySelectorAll("textarea[data-maxlength]");
for(var i=0;i<areas.length;i++)(function(area){
var max=Number(area.getAttribute("data-maxlength"));
var out=document.getElementById(area.id+"-count");
if(!out)return;
var template=out.getAttribute("data-template")||"{n}/{max}";
function update(){var n=Array.from(area.value).length;out.textContent=template.replace("{n}",String(n)).replace("{max}",String(max));out.className="char-count"+(n>max?" over":"");}
area.addEventListener("input",update);update();
})(areas[i]);
}
function printers(){
var buttons=document.querySelectorAll("[data-print]");
for(var i=0;i<buttons.length;i++)buttons[i].addEventListener("click",function(){window.print();});
}
function once(){
var forms=document.querySelectorAll("form[data-once]");
for(var i=0;i<forms.length;i++)forms[i].addEventListener("submit",function(e){
var form=e.currentTarget;if(form.getAttribute("data-sent")){e.preventDefault();return;}
form.setAttribute("data-sent","1");
});
}
if(document.readyState==="loading")document.addEventListener("DOMContentLoaded",function(){counters();printers();once();});
else{counters();printers();once();}
})();
`;
